using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CrmBridge.Sandbox.AmoCrm;

/// <summary>page, limit and the filters the stand-in understands: [updated_at|created_at][from|to], [id][], a type list.</summary>
internal sealed record AmoQuery(int Page, int Limit, long? From, long? To, IReadOnlySet<long> Ids, IReadOnlySet<string> Types)
{
    public string Key => $"{From}|{To}|{string.Join(',', Ids.Order())}|{string.Join(',', Types.Order())}";

    public static AmoQuery? Parse(IQueryCollection query, AmoEntity entity)
    {
        int page = 1, limit = 50;
        if ((query.ContainsKey("page") && !int.TryParse(query["page"], NumberStyles.Integer, CultureInfo.InvariantCulture, out page))
            || (query.ContainsKey("limit") && !int.TryParse(query["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out limit))
            || page < 1 || limit < 1)
        {
            return null;
        }

        var date = entity.DateFilter;
        var types = entity.TypeFilter is { } t ? Values(query, $"filter[{t}]").Concat(Values(query, t)).ToHashSet() : [];
        var ids = Values(query, "filter[id]").Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToHashSet();
        return new AmoQuery(page, Math.Min(limit, entity.MaxLimit), Long(query, $"filter[{date}][from]") ?? Long(query, $"{date}[from]"),
            Long(query, $"filter[{date}][to]") ?? Long(query, $"{date}[to]"), ids, types);
    }

    public bool Matches(AmoRow row) =>
        (From is not { } from || row.UpdatedAt >= from) && (To is not { } to || row.UpdatedAt <= to)
        && (Ids.Count == 0 || Ids.Contains(row.Id)) && (Types.Count == 0 || (row.Type is { } type && Types.Contains(type)));

    private static IEnumerable<string> Values(IQueryCollection query, string name) =>
        query.Where(p => p.Key == name || p.Key == name + "[]" || (p.Key.StartsWith(name + "[", StringComparison.Ordinal) && p.Key.EndsWith(']')))
            .SelectMany(p => p.Value.Select(v => v ?? "")).Where(v => v.Length > 0);

    private static long? Long(IQueryCollection query, string name) =>
        long.TryParse(query[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
