using System.Globalization;
using System.Text;
using System.Text.Json;
using CrmBridge.Core.Model;
using CrmBridge.Sandbox;
using CrmBridge.Sandbox.AmoCrm;
using CrmBridge.Sandbox.Bitrix24;
using CrmBridge.Sandbox.Portal;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.Sandbox;

/// <summary>
/// A change-date filter is answered from the change index, not by reading every company; what a client gets must be
/// exactly what a filter over every generated row gives: the same rows in the same order, pages, totals and next.
/// </summary>
public class ChangeIndexSandboxTests
{
    private const int BitrixPage = BitrixLists.PageSize;
    private const int AmoLimit = 50;
    private const int ColdLimit = 30;

    /// <summary>Global indices (Bitrix24 first, then amoCRM) touched twice over, the second time with a new owner.</summary>
    private static readonly int[] FirstTouch = [0, 7, 311, 599, 600, 641, 999];
    private static readonly int[] SecondTouch = [7, 42, 598, 700];

    private static readonly SamplePortal Portal = SamplePortal.Generate(new SamplePortalSpec { Size = 1_000, BitrixShare = 0.6 });

    [Fact]
    public void Bitrix24_lists_filtered_by_change_date_return_exactly_the_rows_a_full_filter_returns_before_and_after_touches()
    {
        var time = new FakeTimeProvider(Portal.Spec.Now);
        var state = new SandboxState(Portal, time);
        var lists = new BitrixLists(state);
        var horizon = state.Horizon;

        // Before any touch: since long before generation, days before, inside the worker's 2-minute overlap, at it,
        // and exactly at a company's latest row of each list (the second a ">=" must still include).
        // A company whose last activity lasted (LAST_UPDATED is its end, not its start) and that has deals.
        var company = Enumerable.Range(0, Portal.BitrixCount).Select(local => Portal.Company(CrmKind.Bitrix24, local))
            .First(c => c.Deals.Count > 0 && c.Activities.Count > 0 && c.Activities.MaxBy(a => a.At.AddSeconds(a.DurationSeconds))!.DurationSeconds > 0);
        DateTimeOffset[] before =
        [
            horizon.AddYears(-6), horizon.AddDays(-3), horizon.AddMinutes(-2).AddSeconds(0.5), horizon,
            .. BitrixEntity.Listed.Select(e => e.LatestChange(company)).OfType<DateTimeOffset>().Select(at => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds())),
        ];
        var compared = CompareBitrix(state, lists, before);

        var (first, second) = Touch(state, time);
        DateTimeOffset[] after = [.. before, first.AddSeconds(-1), first, first.AddSeconds(1), second, second.AddSeconds(1)];
        compared += CompareBitrix(state, lists, after);

        // The comparison would pass vacuously over empty lists: most since values must have had rows to compare.
        Assert.True(compared > 10_000, $"only {compared} rows compared");
    }

    [Fact]
    public void AmoCrm_lists_filtered_by_change_date_return_exactly_the_rows_a_full_filter_returns_before_and_after_touches()
    {
        var time = new FakeTimeProvider(Portal.Spec.Now);
        var state = new SandboxState(Portal, time);
        var lists = new AmoLists(state);
        var horizon = AmoJson.Unix(state.Horizon);

        var company = Portal.Company(CrmKind.AmoCrm, 123);
        long[] before =
        [
            horizon - (6L * 365 * 86_400), horizon - (3 * 86_400), horizon - 120, horizon, horizon + 1,
            .. AmoEntity.Listed.Select(e => e.LatestChange(company)).OfType<DateTimeOffset>().Select(AmoJson.Unix),
        ];
        var compared = CompareAmo(state, lists, before);

        var (first, second) = Touch(state, time);
        var firstAt = AmoJson.Unix(first);
        var secondAt = AmoJson.Unix(second);
        long[] after = [.. before, firstAt - 1, firstAt, firstAt + 1, secondAt, secondAt + 1];
        compared += CompareAmo(state, lists, after);

        Assert.True(compared > 5_000, $"only {compared} rows compared");
    }

    [Fact]
    public void A_quiet_moment_after_generation_lists_only_the_touched_company_cards()
    {
        var time = new FakeTimeProvider(Portal.Spec.Now);
        var state = new SandboxState(Portal, time);
        var bitrix = new BitrixLists(state);
        var amo = new AmoLists(state);
        var (first, _) = Touch(state, time);

        var companies = Ids(bitrix.List(BitrixEntity.Company, Params(BitrixEntity.Company, ">", first.AddSeconds(-1), start: -1)));
        var deals = Ids(bitrix.List(BitrixEntity.Deal, Params(BitrixEntity.Deal, ">", first.AddSeconds(-1), start: -1)));
        var amoCompanies = amo.Page(AmoEntity.Companies, Query(AmoJson.Unix(first), page: 1), out _).Select(r => r.Id).ToList();

        Assert.Equal(FirstTouch.Union(SecondTouch).Where(i => i < Portal.BitrixCount).Order().Select(i => BitrixRows.Id(i + 1L)), companies);
        Assert.Empty(deals);
        Assert.Equal(FirstTouch.Union(SecondTouch).Where(i => i >= Portal.BitrixCount).Order().Select(i => PortalIds.Company(CrmKind.AmoCrm, i - Portal.BitrixCount)), amoCompanies);
    }

    private static (DateTimeOffset First, DateTimeOffset Second) Touch(SandboxState state, FakeTimeProvider time)
    {
        time.Advance(TimeSpan.FromMinutes(10));
        var first = state.TouchMany(FirstTouch);
        time.Advance(TimeSpan.FromMinutes(5));
        var second = state.TouchMany(SecondTouch, PortalUsers.Manager(1));
        return (first, second);
    }

    private static int CompareBitrix(SandboxState state, BitrixLists lists, DateTimeOffset[] sinces)
    {
        var compared = 0;
        var rows = new BitrixRows(state.Offset);
        foreach (var (since, op) in sinces.SelectMany(since => new[] { (since, ">"), (since, ">=") }))
        {
            foreach (var entity in BitrixEntity.Listed)
            {
                var filter = new BitrixFilter(Params(entity, op, since).Map("filter"));
                var expected = Enumerable.Range(0, state.Portal.BitrixCount)
                    .SelectMany(local => entity.Rows(rows, state.Company(CrmKind.Bitrix24, local)))
                    .Where(filter.Matches).Select(Json).ToList();
                var what = $"{entity.Name} {op}{since:O}";

                // Counted first page, then offset pages as start= walks them.
                var firstPage = lists.List(entity, Params(entity, op, since, start: 0));
                Assert.Equal<long?>(expected.Count, firstPage.Total);
                Assert.Equal(expected.Take(BitrixPage), Rows(firstPage));
                Assert.Equal<long?>(expected.Count > BitrixPage ? BitrixPage : null, firstPage.Next);
                var lastStart = Math.Max(0, (expected.Count - 1) / BitrixPage * BitrixPage);
                foreach (var start in new[] { BitrixPage, lastStart }.Where(st => st > 0).Distinct())
                {
                    var page = lists.List(entity, Params(entity, op, since, start: start));
                    Assert.True(expected.Skip(start).Take(BitrixPage).SequenceEqual(Rows(page)), $"{what}, start={start}");
                    Assert.Equal<long?>(expected.Count, page.Total);
                    Assert.Equal<long?>(start + BitrixPage < expected.Count ? start + BitrixPage : null, page.Next);
                }

                // ID keyset without a count, as the worker chains pages: the whole list, page by page.
                var keyset = new List<string>();
                string? after = null;
                while (true)
                {
                    var page = lists.List(entity, Params(entity, op, since, start: -1, afterId: after));
                    var got = Rows(page);
                    keyset.AddRange(got);
                    if (got.Count < BitrixPage)
                    {
                        break;
                    }

                    after = Ids(page)[^1];
                }

                Assert.True(expected.SequenceEqual(keyset), $"{what}: {keyset.Count} rows by ID keyset, {expected.Count} expected");
                compared += expected.Count;
            }
        }

        return compared;
    }

    private static int CompareAmo(SandboxState state, AmoLists lists, long[] sinces)
    {
        var compared = 0;
        foreach (var since in sinces)
        {
            foreach (var entity in AmoEntity.Listed)
            {
                // The plain [from] filter, and one narrowed further by [to] and by type where the list has one.
                HashSet<string> types = entity.TypeFilter is null ? [] : entity == AmoEntity.Events ? [AmoEvents.LeadStatusChanged] : ["2", "call_in"];
                foreach (var query in new[] { Query(since, 1), Query(since, 1) with { To = since + (30L * 86_400), Types = types } })
                {
                    var expected = Enumerable.Range(0, state.Portal.AmoCount)
                        .SelectMany(local => entity.Rows(state.Company(CrmKind.AmoCrm, local)))
                        .Where(query.Matches).Select(Json).ToList();
                    var what = $"{entity.Embedded} from {since} ({query.Key})";

                    // Pages in order (each resumes where the last ended), then a page of another size asked cold.
                    var read = new List<string>();
                    var more = true;
                    for (var page = 1; more; page++)
                    {
                        var rows = lists.Page(entity, query with { Page = page }, out more);
                        Assert.True(more ? rows.Count == AmoLimit : rows.Count <= AmoLimit, $"{what}: page {page} of {rows.Count}");
                        read.AddRange(rows.Select(Json));
                    }

                    Assert.True(expected.SequenceEqual(read), $"{what}: {read.Count} rows read, {expected.Count} expected");
                    var cold = lists.Page(entity, query with { Page = 3, Limit = ColdLimit }, out var coldMore);
                    Assert.Equal(expected.Skip(2 * ColdLimit).Take(ColdLimit), cold.Select(Json));
                    Assert.Equal(expected.Count > 3 * ColdLimit, coldMore);
                    compared += expected.Count;
                }
            }
        }

        return compared;
    }

    private static AmoQuery Query(long from, int page) => new(page, AmoLimit, from, null, new HashSet<long>(), new HashSet<string>());

    private static BitrixParams Params(BitrixEntity entity, string op, DateTimeOffset since, long start = 0, string? afterId = null)
    {
        var query = new StringBuilder();
        query.Append(CultureInfo.InvariantCulture, $"filter[{Uri.EscapeDataString(op + entity.DateField)}]={Uri.EscapeDataString(since.ToString("O", CultureInfo.InvariantCulture))}");
        if (afterId is not null)
        {
            query.Append(CultureInfo.InvariantCulture, $"&filter[{Uri.EscapeDataString(">ID")}]={afterId}");
        }

        query.Append(CultureInfo.InvariantCulture, $"&start={start}&order[ID]=ASC");
        return BitrixParams.FromQuery(query.ToString());
    }

    private static List<string> Rows(BitrixCallResult result) => [.. ((IEnumerable<BitrixRow>)result.Value!).Select(Json)];

    private static List<string> Ids(BitrixCallResult result) => [.. ((IEnumerable<BitrixRow>)result.Value!).Select(r => r.Get("ID")!)];

    /// <summary>A row as a client receives it, every field and multifield, so equal text means an equal record.</summary>
    private static string Json(BitrixRow row) => Write(w => row.Write(w, ["*", "UF_*", "PHONE", "EMAIL", "WEB"]));

    private static string Json(AmoRow row) => Write(row.Write);

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
