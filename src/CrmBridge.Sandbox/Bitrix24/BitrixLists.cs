using System.Collections.Concurrent;
using System.Globalization;
using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox.Bitrix24;

/// <summary>
/// Serves list methods straight from the generator: 50 rows a page in ID order, "&gt;ID" jumps to the right company,
/// start=-1 skips the count, and a "&gt;DATE_MODIFY" (each list's change-date field) visits only the companies the
/// change index and the touched set say can match, so its cost follows the changes, not the base.
/// </summary>
internal sealed class BitrixLists(SandboxState state)
{
    public const int PageSize = 50;
    private readonly BitrixRows _rows = new(state.Offset);
    private readonly ConcurrentDictionary<string, long> _totals = new();
    private readonly ListChanges<BitrixEntity> _changes = new(state, CrmKind.Bitrix24, BitrixEntity.Listed, (list, company) => list.LatestChange(company), list => list.Name);

    public BitrixCallResult List(BitrixEntity entity, BitrixParams parameters, string filterKey = "filter")
    {
        var filter = new BitrixFilter(parameters.Map(filterKey));
        var select = new HashSet<string>(parameters.Strings("select"), StringComparer.OrdinalIgnoreCase);
        var startText = parameters.Get("start");
        var start = long.TryParse(startText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var rows = Rows(entity, filter, start > 0 && IsUnfiltered(parameters, filterKey) && entity == BitrixEntity.Company ? start : 0);
        if (start == -1)
        {
            return new BitrixCallResult(rows.Take(PageSize).ToList(), Total: 0) { Select = select };
        }

        var skip = entity == BitrixEntity.Company && IsUnfiltered(parameters, filterKey) ? 0 : start;
        var page = rows.Skip((int)Math.Min(int.MaxValue, skip)).Take(PageSize + 1).ToList();
        var total = _totals.GetOrAdd($"{entity.Name}|{Canonical(parameters.Map(filterKey))}|{state.Version}", _ => Rows(entity, filter, 0).LongCount());
        var next = page.Count > PageSize ? start + PageSize : (long?)null;
        return new BitrixCallResult(page.Take(PageSize).ToList(), total, next) { Select = select };
    }

    private IEnumerable<BitrixRow> Rows(BitrixEntity entity, BitrixFilter filter, long skipCompanies)
    {
        var afterId = long.TryParse(filter.Lower("ID"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var lower) ? lower - 1 : 0;
        var firstLocal = (int)Math.Min(int.MaxValue, Math.Max(entity.FirstLocalAfter(afterId), skipCompanies));
        int? onlyLocal = entity.CompanyField is { } field && long.TryParse(filter.Equal(field), NumberStyles.Integer, CultureInfo.InvariantCulture, out var owner)
            ? entity.CompanyLocalOf(owner)
            : null;
        DateTimeOffset? since = filter.Lower(entity.DateField) is { } text && BitrixFilter.TryDate(text, out var sinceAt) ? sinceAt : null;
        foreach (var local in Locals(entity, firstLocal, onlyLocal, since))
        {
            var company = state.Company(CrmKind.Bitrix24, local);
            foreach (var row in entity.Rows(_rows, company))
            {
                if (long.Parse(row.Get("ID")!, CultureInfo.InvariantCulture) > afterId && filter.Matches(row))
                {
                    yield return row;
                }
            }
        }
    }

    private IEnumerable<int> Locals(BitrixEntity entity, int firstLocal, int? onlyLocal, DateTimeOffset? since)
    {
        var count = state.Portal.BitrixCount;
        if (onlyLocal is { } only)
        {
            return only >= firstLocal && only < count ? [only] : [];
        }

        if (since is { } at)
        {
            // A row matches only if its moment is at or after the filter's whole second, so companies whose latest
            // generated row is earlier are skipped; a touch moves only the company card's DATE_MODIFY.
            var generated = ChangeIndex.From(_changes.Of(entity).Since(at.ToUnixTimeSeconds()), firstLocal);
            return entity.ChangesOnTouch ? ChangeIndex.Merge(generated, state.TouchedLocals(CrmKind.Bitrix24, firstLocal)) : generated;
        }

        return firstLocal >= count ? [] : Enumerable.Range(firstLocal, count - firstLocal);
    }

    private static bool IsUnfiltered(BitrixParams parameters, string filterKey) => parameters.Map(filterKey).Count == 0;

    private static string Canonical(IReadOnlyDictionary<string, object> map) =>
        string.Join("&", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + string.Join(",", BitrixParams.AsStrings(p.Value))));
}
