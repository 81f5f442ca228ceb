using CrmBridge.Core.Model;
using WireMock.RequestBuilders;

namespace CrmBridge.Tests.AmoCrm;

public sealed class AmoCrmPostponedFieldsTests
{
    private static readonly TimeSpan MoscowOffset = TimeSpan.FromHours(3);
    private static readonly DateTimeOffset StoredUntil = new(2026, 9, 1, 0, 0, 0, MoscowOffset);

    [Fact]
    public async Task Configured_fields_give_the_return_day_at_portal_midnight_and_a_missing_date_means_not_postponed()
    {
        using var amo = Configured();
        Seed(amo, "4003", "ООО Рабочая");

        var summary = await amo.Connector.SyncAsync(CancellationToken.None);

        Assert.Equal((4, 0), (summary.Companies, summary.Skipped));
        Assert.Equal((new DateTimeOffset(2026, 5, 18, 0, 0, 0, MoscowOffset), "Бюджет на следующий год"), Postponement(amo, "4001"));

        // A date stored at noon still returns the card at the start of that day.
        Assert.Equal((new DateTimeOffset(2026, 6, 1, 0, 0, 0, MoscowOffset), null), Postponement(amo, "4002"));

        // amoCRM leaves an empty field out: the date was cleared in the CRM, so the stored postponement goes too.
        Assert.Equal((null, null), Postponement(amo, "4003"));
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task A_date_that_cannot_be_read_is_logged_with_the_company_id_and_the_rest_of_the_card_is_stored()
    {
        using var amo = Configured();
        Seed(amo, "4004", "Старое название");

        await amo.Connector.SyncAsync(CancellationToken.None);

        var company = amo.Store.Companies.Find(Ref(amo, "4004"))!;
        Assert.Equal(("ООО Кривая дата", StoredUntil, "Ждут тендер"), (company.Title, company.PostponedUntil, company.PostponeReason));
        var warning = Assert.Single(amo.Logs.Lines, l => l.Contains("900105", StringComparison.Ordinal));
        Assert.Contains("company 4004", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_configured_fields_the_postponement_fields_are_not_read()
    {
        using var amo = AmoCrmHarness.LongLived().WithEmptyLists();
        amo.Server.Given(Request.Create().WithPath("/api/v4/companies").UsingGet()).RespondWith(AmoCrmHarness.Json("companies.postponed.json"));

        var summary = await amo.Connector.SyncAsync(CancellationToken.None);

        Assert.Equal(4, summary.Companies);
        Assert.All(amo.Store.Companies.All(), c => Assert.Equal((null, null), (c.PostponedUntil, c.PostponeReason)));
        Assert.DoesNotContain(amo.Logs.Lines, l => l.Contains("900105", StringComparison.Ordinal));
    }

    private static AmoCrmHarness Configured()
    {
        var amo = AmoCrmHarness.LongLived(s =>
        {
            s["AmoCrm:PostponedUntilFieldId"] = "900105";
            s["AmoCrm:PostponeReasonFieldCode"] = "POSTPONE_REASON";
        }).WithEmptyLists();
        amo.Server.Given(Request.Create().WithPath("/api/v4/companies").UsingGet()).RespondWith(AmoCrmHarness.Json("companies.postponed.json"));
        return amo;
    }

    private static void Seed(AmoCrmHarness amo, string id, string title) =>
        amo.Store.Companies.Upsert([new Company
        {
            Ref = Ref(amo, id), Title = title, OwnerId = "504141",
            CreatedAt = DateTimeOffset.FromUnixTimeSeconds(1690000000), ModifiedAt = DateTimeOffset.FromUnixTimeSeconds(1690000000),
            PostponedUntil = StoredUntil, PostponeReason = "Закупки перенесены",
        }]);

    private static (DateTimeOffset? Until, string? Reason) Postponement(AmoCrmHarness amo, string id)
    {
        var company = amo.Store.Companies.Find(Ref(amo, id))!;
        return (company.PostponedUntil, company.PostponeReason);
    }

    private static CrmRef Ref(AmoCrmHarness amo, string id) => new(CrmKind.AmoCrm, amo.Account, id);
}
