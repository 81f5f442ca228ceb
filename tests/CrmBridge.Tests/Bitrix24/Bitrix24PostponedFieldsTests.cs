using System.Text.Json.Nodes;
using CrmBridge.Core.Model;
using CrmBridge.Tests.Bitrix24.Fakes;

namespace CrmBridge.Tests.Bitrix24;

public sealed class Bitrix24PostponedFieldsTests : IDisposable
{
    private const string UntilField = "UF_CRM_POSTPONED_UNTIL";
    private const string ReasonField = "UF_CRM_POSTPONE_REASON";
    private static readonly TimeSpan MoscowOffset = TimeSpan.FromHours(3);

    private readonly FakePortal portal = new FakePortal().WithEmptyPortal();

    private static Dictionary<string, string?> Configured => new()
    {
        ["Bitrix24:PostponedUntilField"] = UntilField,
        ["Bitrix24:PostponeReasonField"] = ReasonField,
    };

    [Fact]
    public async Task Configured_fields_are_selected_and_a_date_becomes_portal_midnight_of_that_day_with_the_reason()
    {
        portal.Tables["crm.company.list"].AddRange([
            Postponed(1, "2026-05-18", "Бюджет на следующий год"),
            Postponed(2, "2026-06-01T00:00:00+03:00", "Закупки ушли в головной офис"),
            Postponed(3, "", ""),
            BitrixRows.Company(4)]);
        using var host = new Bitrix24TestHost(portal, Configured);

        await host.SyncAsync();

        var select = portal.CallsOf("crm.company.list").Single().Parameters["select"]!.AsArray().Select(s => s!.ToString());
        Assert.Contains(UntilField, select);
        Assert.Contains(ReasonField, select);
        Assert.Equal(
            [
                (new DateTimeOffset(2026, 5, 18, 0, 0, 0, MoscowOffset), "Бюджет на следующий год"),
                (new DateTimeOffset(2026, 6, 1, 0, 0, 0, MoscowOffset), "Закупки ушли в головной офис"),
                (null, null),
                (null, null),
            ],
            Companies(host).Select(c => (c.PostponedUntil, c.PostponeReason)));
        portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task A_person_clearing_the_date_in_the_crm_un_postpones_the_card()
    {
        portal.Tables["crm.company.list"].Add(Postponed(1, "2026-05-18", "Бюджет на следующий год"));
        using var host = new Bitrix24TestHost(portal, Configured);
        await host.SyncAsync();
        Assert.NotNull(Companies(host).Single().PostponedUntil);

        portal.Tables["crm.company.list"][0] = Postponed(1, "", "", modified: Bitrix24TestHost.Start.AddHours(1));
        host.Time.Fake.Advance(TimeSpan.FromHours(2));
        await host.SyncAsync();

        var company = Companies(host).Single();
        Assert.Equal((null, null), (company.PostponedUntil, company.PostponeReason));
    }

    [Fact]
    public async Task A_date_that_cannot_be_read_is_logged_with_the_company_id_and_the_rest_of_the_card_is_stored()
    {
        portal.Tables["crm.company.list"].Add(Postponed(1, "2026-05-18", "Бюджет на следующий год"));
        using var host = new Bitrix24TestHost(portal, Configured);
        await host.SyncAsync();

        var edited = Postponed(1, "18.05.2027", "Перенесли на 2027", modified: Bitrix24TestHost.Start.AddHours(1), owner: "12");
        edited["TITLE"] = "ООО Ромашка";
        portal.Tables["crm.company.list"][0] = edited;
        portal.Tables["crm.company.list"].Add(Postponed(2, "завтра", "Просили перезвонить", modified: Bitrix24TestHost.Start.AddHours(1)));
        host.Time.Fake.Advance(TimeSpan.FromHours(2));
        var summary = await host.SyncAsync();

        Assert.Equal((2, 0), (summary.Companies, summary.Skipped));
        var companies = Companies(host);
        Assert.Equal(
            ("ООО Ромашка", "12", new DateTimeOffset(2026, 5, 18, 0, 0, 0, MoscowOffset), "Перенесли на 2027"),
            (companies[0].Title, companies[0].OwnerId, companies[0].PostponedUntil, companies[0].PostponeReason));
        Assert.Equal((null, "Просили перезвонить"), (companies[1].PostponedUntil, companies[1].PostponeReason));
        var warnings = host.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains(UntilField, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, l => l.Contains("company 1 ", StringComparison.Ordinal) && l.Contains("'18.05.2027'", StringComparison.Ordinal));
        Assert.Contains(warnings, l => l.Contains("company 2 ", StringComparison.Ordinal) && l.Contains("'завтра'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_configured_fields_nothing_extra_is_selected_and_the_stored_postponement_is_kept()
    {
        portal.Tables["crm.company.list"].Add(Postponed(1, "", ""));
        using var host = new Bitrix24TestHost(portal);
        await host.SyncAsync();
        var until = new DateTimeOffset(2026, 9, 1, 0, 0, 0, MoscowOffset);
        host.Store.Companies.Upsert([Companies(host).Single() with { PostponedUntil = until, PostponeReason = "Бюджет на следующий год" }]);

        portal.Tables["crm.company.list"][0] = Postponed(1, "", "", modified: Bitrix24TestHost.Start.AddHours(1), owner: "12");
        host.Time.Fake.Advance(TimeSpan.FromHours(2));
        await host.SyncAsync();

        var company = Companies(host).Single();
        Assert.Equal(("12", until, "Бюджет на следующий год"), (company.OwnerId, company.PostponedUntil, company.PostponeReason));
        Assert.All(
            portal.CallsOf("crm.company.list").Where(c => c.Parameters["select"] is not null),
            c => Assert.DoesNotContain(c.Parameters["select"]!.AsArray(), s => s!.ToString().StartsWith("UF_", StringComparison.Ordinal)));
    }

    public void Dispose() => portal.Dispose();

    private static JsonObject Postponed(int id, string until, string reason, DateTimeOffset? modified = null, string owner = "11")
    {
        var row = BitrixRows.Company(id, owner, modified);
        row[UntilField] = until;
        row[ReasonField] = reason;
        return row;
    }

    private static List<Company> Companies(Bitrix24TestHost host) =>
        [.. host.Store.Companies.All().OrderBy(c => int.Parse(c.Ref.Id, System.Globalization.CultureInfo.InvariantCulture))];
}
