using System.Text.Json.Nodes;
using CrmBridge.Core.Model;
using CrmBridge.Storage;
using CrmBridge.Tests.Bitrix24.Fakes;

namespace CrmBridge.Tests.Bitrix24;

public sealed class Bitrix24FullLoadTests : IDisposable
{
    private readonly FakePortal portal = new FakePortal().WithEmptyPortal();

    [Fact]
    public async Task A_full_load_packs_the_lists_into_batches_with_no_idle_slot_and_reads_no_page_past_a_lists_end()
    {
        // Lists that end mid-batch: 120 companies (3 pages), 75 requisites (2), 2,600 contacts (52), exactly 100 deals
        // (2 full pages: the count says there is no third), 30 activities, 2 users, no stage history.
        portal.Tables["crm.company.list"].AddRange(Enumerable.Range(1, 120).Select(i => BitrixRows.Company(i * 3)));
        portal.Tables["crm.requisite.list"].AddRange(Enumerable.Range(1, 75).Select(i => BitrixRows.Requisite(1000 + i, i * 3, "7707083893")));
        portal.Tables["crm.contact.list"].AddRange(Enumerable.Range(1, 2600).Select(i => BitrixRows.Contact(5000 + i, (i % 120) * 3 + 3, "Бухгалтер")));
        portal.Tables["crm.deal.list"].AddRange(Enumerable.Range(1, 100).Select(i => BitrixRows.Deal(9000 + i, i, "NEW", "P")));
        portal.Tables["crm.activity.list"].AddRange(Enumerable.Range(1, 30).Select(i => BitrixRows.Activity(20000 + i, "2", "2", "4", i * 3)));
        portal.Tables["user.get"].AddRange([
            new JsonObject { ["ID"] = "11", ["ACTIVE"] = true, ["NAME"] = "Anna", ["LAST_NAME"] = "Smirnova", ["EMAIL"] = "anna@example.ru" },
            new JsonObject { ["ID"] = "12", ["ACTIVE"] = true, ["NAME"] = "Oleg", ["LAST_NAME"] = "Petrov", ["EMAIL"] = "oleg@example.ru" }]);
        using var host = new Bitrix24TestHost(portal);

        var summary = await host.SyncAsync();

        Assert.Equal((120, 2600, 100, 30, 2), (summary.Companies, summary.Persons, summary.Deals, summary.Activities, summary.Users));
        Assert.Equal(75, host.Store.Companies.All().Count(c => c.Inn is not null));

        // 62 pages and 2 pipeline reads: the first batch asks every list's first page with its count (and the
        // pipelines), the 55 pages left fill one batch to its 50 slots and 5 in the last. Nothing else went out.
        var batches = portal.Batches();
        Assert.Equal(3, portal.Server.LogEntries.Count);
        Assert.Equal(3, summary.Requests);
        Assert.Equal([9, 50, 5], batches.Select(b => b.Count));
        Assert.Equal(
            [.. Enumerable.Repeat("crm.company.list", 2), "crm.requisite.list", .. Enumerable.Repeat("crm.contact.list", 47)],
            batches[1]);
        Assert.Equal([.. Enumerable.Repeat("crm.contact.list", 4), "crm.deal.list"], batches[2]);
        Assert.Equal((3, 2, 52, 2, 1, 1), (
            portal.CallsOf("crm.company.list").Count(), portal.CallsOf("crm.requisite.list").Count(), portal.CallsOf("crm.contact.list").Count(),
            portal.CallsOf("crm.deal.list").Count(), portal.CallsOf("crm.activity.list").Count(), portal.CallsOf("crm.stagehistory.list").Count()));

        // The first page of each list is counted (no start=-1); the rest chain by ID keyset and skip the count.
        var companyCalls = portal.CallsOf("crm.company.list").ToList();
        Assert.Equal("0", companyCalls[0].Parameters["filter"]![">ID"]!.ToString());
        Assert.DoesNotContain("start=", companyCalls[0].RawCommand, StringComparison.Ordinal);
        Assert.Equal("150", companyCalls[1].Parameters["filter"]![">ID"]!.ToString());
        Assert.Contains("start=-1", companyCalls[1].RawCommand, StringComparison.Ordinal);
        Assert.Contains("order%5BID%5D=ASC", companyCalls[1].RawCommand, StringComparison.Ordinal);
        Assert.Contains("filter%5B%3EID%5D=%24result%5Bl1p0%5D%5B49%5D%5BID%5D", companyCalls[2].RawCommand, StringComparison.Ordinal);
        Assert.Equal("300", companyCalls[2].Parameters["filter"]![">ID"]!.ToString());
        portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task A_quiet_incremental_tick_costs_one_request_for_every_list_and_the_pipelines()
    {
        portal.Tables["crm.company.list"].Add(BitrixRows.Company(1));
        using var host = new Bitrix24TestHost(portal);
        await host.SyncAsync();
        var before = portal.Server.LogEntries.Count;

        host.Time.Fake.Advance(TimeSpan.FromMinutes(15));
        var summary = await host.SyncAsync();

        Assert.Equal(1, portal.Server.LogEntries.Count - before);
        Assert.Equal(1, summary.Requests);
        Assert.Single(host.Store.Pipelines.All());

        // No list filtered by its change date asked the portal to count the rows its filter matches (a query over
        // the whole table on a real portal): each page said start=-1 and came back short. The stage history is read
        // by ID after its last stored row, a tail the portal counts from its primary key.
        string[] changeFiltered = ["crm.company.list", "crm.requisite.list", "crm.contact.list", "crm.deal.list", "crm.activity.list"];
        var lists = portal.Calls.Where(c => c.Request > before && changeFiltered.Contains(c.Method)).ToList();
        Assert.Equal(changeFiltered.Length, lists.Count);
        Assert.All(lists, call => Assert.Contains("start=-1", call.RawCommand, StringComparison.Ordinal));
        portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task An_incremental_tick_counts_only_a_list_whose_first_page_of_changes_came_back_full()
    {
        portal.Tables["crm.company.list"].Add(BitrixRows.Company(1));
        using var host = new Bitrix24TestHost(portal);
        await host.SyncAsync();
        var before = portal.Server.LogEntries.Count;

        // 120 companies change before the next tick: three pages of changes, the other lists none.
        host.Time.Fake.Advance(TimeSpan.FromMinutes(15));
        portal.Tables["crm.company.list"].AddRange(Enumerable.Range(2, 120).Select(i => BitrixRows.Company(i, modified: host.Time.GetUtcNow())));
        var summary = await host.SyncAsync();

        Assert.Equal(120, summary.Companies);
        var companies = portal.Calls.Where(c => c.Request > before && c.Method == "crm.company.list").ToList();
        Assert.Equal(3, companies.Count);
        Assert.Contains("start=-1", companies[0].RawCommand, StringComparison.Ordinal);
        Assert.DoesNotContain("start=", companies[1].RawCommand, StringComparison.Ordinal);
        Assert.Contains("start=-1", companies[2].RawCommand, StringComparison.Ordinal);

        // The first page went out uncounted with every other list, the counted second page alone, then the last one
        // chained by its predecessor's last ID: three requests, none past the list's end.
        Assert.Equal(3, portal.Server.LogEntries.Count - before);
        Assert.Equal(121, host.Store.Companies.All().Count);
        portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task A_full_load_that_meets_a_contact_stored_after_it_began_keeps_one_copy_of_it_and_completes()
    {
        portal.Tables["crm.company.list"].AddRange(Enumerable.Range(1, 3).Select(i => BitrixRows.Company(i)));
        portal.Tables["crm.contact.list"].AddRange(Enumerable.Range(1, 3).Select(i => BitrixRows.Contact(100 + i, i, "Бухгалтер")));
        using var host = new Bitrix24TestHost(portal);

        // The contacts' pass began on an empty account and inserts without looking; contact 102 is stored by someone
        // else before its page comes.
        var stale = new Person
        {
            Ref = new CrmRef(CrmKind.Bitrix24, portal.Host, "102"),
            Name = "Старое имя",
            CreatedAt = Bitrix24TestHost.Start.AddDays(-1),
            ModifiedAt = Bitrix24TestHost.Start.AddDays(-1),
        };
        host.Store.CompanyRecords.AfterUpsert = _ => host.Store.Persons.Upsert([stale]);

        await host.SyncAsync();

        Assert.Equal(3, host.Store.Persons.Count());
        Assert.Equal("Ivan Petrov", host.Store.Persons.Find(stale.Ref)!.Name);
        Assert.Null(host.Store.Checkpoints.Get(CrmKind.Bitrix24, portal.Host, "contact")!.LastId);
    }

    [Fact]
    public async Task Full_load_stores_in_one_upsert_per_http_request_and_sets_the_checkpoint()
    {
        portal.Tables["crm.company.list"].AddRange(Enumerable.Range(1, 120).Select(i => BitrixRows.Company(i)));
        using var host = new Bitrix24TestHost(portal);

        await host.SyncAsync();

        Assert.Equal(2, host.Store.CompanyRecords.UpsertCalls);
        var checkpoint = host.Store.Checkpoints.Get(CrmKind.Bitrix24, portal.Host, "company");
        Assert.NotNull(checkpoint);
        Assert.Equal(Bitrix24TestHost.Start, checkpoint.ModifiedSince);
        Assert.Null(checkpoint.LastId);
        Assert.Equal(Bitrix24TestHost.Start, checkpoint.LastFullLoadAt);
    }

    [Fact]
    public async Task Incremental_tick_asks_only_for_records_changed_since_the_checkpoint()
    {
        var since = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(3));
        portal.Tables["crm.company.list"].AddRange([
            BitrixRows.Company(1, modified: since.AddDays(-10)),
            BitrixRows.Company(2, modified: since.AddHours(1)),
            BitrixRows.Company(3, modified: since.AddDays(-3))]);
        using var host = new Bitrix24TestHost(portal, new Dictionary<string, string?> { ["Bitrix24:SyncOverlap"] = "00:05:00" });
        foreach (var entity in new[] { "company", "requisite", "contact", "deal", "activity" })
        {
            host.Store.Checkpoints.Save(new SyncCheckpoint { Crm = CrmKind.Bitrix24, Account = portal.Host, Entity = entity, ModifiedSince = since, LastFullLoadAt = since, LastReconciledAt = since });
        }

        var summary = await host.SyncAsync();

        Assert.Equal(1, summary.Companies);
        Assert.Equal("2", Assert.Single(host.Store.Companies.All()).Ref.Id);
        var call = Assert.Single(portal.CallsOf("crm.company.list"));
        Assert.Equal("2026-03-01T11:55:00+03:00", call.Parameters["filter"]![">DATE_MODIFY"]!.ToString());
        Assert.Equal("2026-03-01T11:55:00+03:00", Assert.Single(portal.CallsOf("crm.deal.list")).Parameters["filter"]![">DATE_MODIFY"]!.ToString());
        Assert.Equal("2026-03-01T11:55:00+03:00", Assert.Single(portal.CallsOf("crm.activity.list")).Parameters["filter"]![">LAST_UPDATED"]!.ToString());
        Assert.Equal(Bitrix24TestHost.Start, host.Store.Checkpoints.Get(CrmKind.Bitrix24, portal.Host, "company")!.ModifiedSince);
        portal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task A_company_keeps_all_its_requisites_and_takes_the_inn_of_the_first_active_one_and_reads_the_inn_field()
    {
        var company = BitrixRows.Company(5);
        company["UF_CRM_INN"] = "7707083893";
        portal.Tables["crm.company.list"].Add(company);
        portal.Tables["crm.requisite.list"].AddRange([
            BitrixRows.Requisite(40, 5, "500100732259", active: "N"),
            BitrixRows.Requisite(41, 5, "7736050003", kpp: "773601001"),
            BitrixRows.Requisite(42, 5, "7736050003", kpp: "502401001")]);
        using var host = new Bitrix24TestHost(portal, new Dictionary<string, string?> { ["Bitrix24:InnField"] = "UF_CRM_INN" });

        await host.SyncAsync();

        var stored = Assert.Single(host.Store.Companies.All());
        Assert.Equal("7736050003", stored.Inn);
        Assert.Equal("773601001", stored.Kpp);
        Assert.Equal("1027700132195", stored.Ogrn);
        Assert.Equal(["500100732259", "7736050003", "7736050003", "7707083893"], stored.Requisites.Select(r => r.Inn));
        Assert.False(stored.Requisites[0].IsActive);
        Assert.Contains("UF_CRM_INN", portal.CallsOf("crm.company.list").Single().Parameters["select"]!.AsArray().Select(s => s!.ToString()));
        Assert.All(portal.CallsOf("crm.requisite.list"), c => Assert.Equal("4", c.Parameters["filter"]!["ENTITY_TYPE_ID"]!.ToString()));
    }

    [Fact]
    public async Task A_new_owner_starts_the_ownership_clock_and_is_recorded_as_an_owner_change()
    {
        portal.Tables["crm.company.list"].Add(BitrixRows.Company(9, owner: "11"));
        using var host = new Bitrix24TestHost(portal);
        await host.SyncAsync();
        Assert.Equal(BitrixRows.Created, host.Store.Companies.All().Single().OwnerSince);

        portal.Tables["crm.company.list"][0] = BitrixRows.Company(9, owner: "12", modified: Bitrix24TestHost.Start.AddHours(1));
        host.Time.Fake.Advance(TimeSpan.FromHours(2));
        await host.SyncAsync();

        var company = host.Store.Companies.All().Single();
        Assert.Equal("12", company.OwnerId);
        Assert.Equal(host.Time.GetUtcNow(), company.OwnerSince);
        var change = Assert.Single(host.Store.OwnerChanges.All());
        Assert.Equal(("11", "12", company.Ref), (change.FromOwnerId, change.ToOwnerId, change.Company));
    }

    [Fact]
    public async Task Reconciliation_marks_cards_the_portal_no_longer_has_as_deleted_once_the_interval_passed()
    {
        portal.Tables["crm.company.list"].AddRange([BitrixRows.Company(1), BitrixRows.Company(2)]);
        using var host = new Bitrix24TestHost(portal, new Dictionary<string, string?> { ["Bitrix24:ReconcileInterval"] = "1.00:00:00" });
        await host.SyncAsync();

        portal.Tables["crm.company.list"].RemoveAt(0);
        await host.SyncAsync();
        Assert.DoesNotContain(host.Store.Companies.All(), c => c.IsDeleted);

        host.Time.Fake.Advance(TimeSpan.FromDays(1));
        await host.SyncAsync();

        var companies = host.Store.Companies.All().OrderBy(c => c.Ref.Id).ToList();
        Assert.Equal([true, false], companies.Select(c => c.IsDeleted));
        Assert.Equal(["ID"], portal.CallsOf("crm.company.list").Last().Parameters["select"]!.AsArray().Select(s => s!.ToString()));
    }

    [Fact]
    public async Task Deals_activities_contacts_pipelines_and_users_are_mapped_into_the_store()
    {
        portal.Tables["crm.company.list"].Add(BitrixRows.Company(1));
        portal.Tables["crm.contact.list"].AddRange([BitrixRows.Contact(3, 1, "Генеральный директор"), BitrixRows.Contact(4, 1, "Бухгалтер")]);
        portal.Tables["crm.deal.list"].Add(BitrixRows.Deal(7, 1, "WON", "S"));
        portal.Tables["crm.activity.list"].AddRange([BitrixRows.Activity(20, "2", "2", "3", 3), BitrixRows.Activity(21, "1", "1", "2", 7, completed: "N")]);
        portal.Tables["crm.stagehistory.list"].AddRange([
            new JsonObject { ["ID"] = 1, ["TYPE_ID"] = 1, ["OWNER_ID"] = 7, ["CREATED_TIME"] = "2025-06-01T10:00:00+03:00", ["CATEGORY_ID"] = 0, ["STAGE_SEMANTIC_ID"] = "P", ["STAGE_ID"] = "NEW" },
            new JsonObject { ["ID"] = 2, ["TYPE_ID"] = 3, ["OWNER_ID"] = 7, ["CREATED_TIME"] = "2025-06-02T10:00:00+03:00", ["CATEGORY_ID"] = 0, ["STAGE_SEMANTIC_ID"] = "S", ["STAGE_ID"] = "WON" }]);
        portal.Tables["user.get"].Add(new JsonObject { ["ID"] = "11", ["ACTIVE"] = true, ["NAME"] = "Anna", ["LAST_NAME"] = "Smirnova", ["EMAIL"] = "anna@example.ru" });
        portal.Tables["crm.status.list"].AddRange([
            new JsonObject { ["ID"] = "111", ["ENTITY_ID"] = "DEAL_STAGE", ["STATUS_ID"] = "WON", ["NAME"] = "Deal successful", ["SORT"] = "60", ["SEMANTICS"] = "S", ["EXTRA"] = new JsonObject { ["SEMANTICS"] = "success" } },
            new JsonObject { ["ID"] = "101", ["ENTITY_ID"] = "DEAL_STAGE", ["STATUS_ID"] = "NEW", ["NAME"] = "New", ["SORT"] = "10", ["SEMANTICS"] = null, ["EXTRA"] = new JsonObject { ["SEMANTICS"] = "process" } },
            new JsonObject { ["ID"] = "113", ["ENTITY_ID"] = "DEAL_STAGE", ["STATUS_ID"] = "APOLOGY", ["NAME"] = "Analysis", ["SORT"] = "80", ["SEMANTICS"] = "F", ["EXTRA"] = new JsonObject { ["SEMANTICS"] = "apology" } }]);
        using var host = new Bitrix24TestHost(portal, new Dictionary<string, string?> { ["Bitrix24:DecisionMakerPositions:0"] = "директор" });

        var summary = await host.SyncAsync();

        Assert.Equal((1, 2, 1, 2, 1), (summary.Companies, summary.Persons, summary.Deals, summary.Activities, summary.Users));
        var companyRef = host.Store.Companies.All().Single().Ref;
        Assert.Equal([true, false], host.Store.Persons.All().OrderBy(p => p.Ref.Id).Select(p => p.IsDecisionMaker));
        var deal = host.Store.Deals.All().Single();
        Assert.Equal((DealOutcome.Won, 150000.00m, companyRef), (deal.Outcome, deal.Amount, deal.Company));
        var activities = host.Store.Activities.All().OrderBy(a => a.Ref.Id).ToList();
        Assert.Equal((ActivityKind.Call, Direction.Outbound, true, companyRef), (activities[0].Kind, activities[0].Direction, activities[0].Completed, activities[0].Company));
        Assert.Equal((ActivityKind.Meeting, Direction.Inbound, false, companyRef), (activities[1].Kind, activities[1].Direction, activities[1].Completed, activities[1].Company));
        Assert.Equal([null, "NEW"], host.Store.StageChanges.All().OrderBy(c => c.At).Select(c => c.FromStageId));
        var pipeline = host.Store.Pipelines.All().Single();
        Assert.Equal(["NEW", "WON", "APOLOGY"], pipeline.Stages.Select(s => s.Id));
        Assert.Equal([StageSemantics.Open, StageSemantics.Won, StageSemantics.Lost], pipeline.Stages.Select(s => s.Semantics));
        Assert.Equal("Anna Smirnova", host.Store.Managers.All().Single().Name);
        portal.AssertNoUnexpectedCalls();
    }

    public void Dispose() => portal.Dispose();
}
