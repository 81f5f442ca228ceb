using System.Net;
using CrmBridge.Core.Model;
using CrmBridge.Storage;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CrmBridge.Tests.AmoCrm;

public sealed class AmoCrmPagingTests
{
    [Fact]
    public async Task Companies_are_read_across_three_pages_and_an_empty_list_answered_204_stores_nothing()
    {
        using var amo = AmoCrmHarness.LongLived().WithEmptyLists();
        for (var page = 1; page <= 3; page++)
        {
            amo.Server.Given(Request.Create().WithPath("/api/v4/companies").WithParam("page", $"{page}").WithParam("limit", "250").UsingGet())
                .RespondWith(AmoCrmHarness.Json($"companies.page{page}.json"));
        }

        var summary = await amo.Connector.SyncAsync(CancellationToken.None);

        Assert.Equal(["1001", "1002", "1003", "1004"], amo.Store.Companies.All().Select(c => c.Ref.Id).Order());
        Assert.Equal(4, summary.Companies);
        Assert.Equal(0, summary.Persons);
        Assert.Equal(3, amo.Requests("/api/v4/companies").Count);
        Assert.Single(amo.Requests("/api/v4/contacts"));
        Assert.Empty(amo.Store.Persons.All());
        Assert.Null(amo.Store.Checkpoints.Get(CrmKind.AmoCrm, amo.Account, "contact"));
        var checkpoint = amo.Store.Checkpoints.Get(CrmKind.AmoCrm, amo.Account, "company");
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000400), checkpoint?.ModifiedSince);
        Assert.Equal(summary.Requests, amo.Server.LogEntries.Count);
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task An_incremental_tick_asks_only_for_changes_since_the_checkpoint_minus_the_overlap()
    {
        using var amo = AmoCrmHarness.LongLived(s => s["AmoCrm:SyncOverlap"] = "00:02:00").WithEmptyLists();
        var since = DateTimeOffset.FromUnixTimeSeconds(1700000000);
        foreach (var entity in new[] { "company", "event" })
        {
            amo.Store.Checkpoints.Save(new SyncCheckpoint { Crm = CrmKind.AmoCrm, Account = amo.Account, Entity = entity, ModifiedSince = since });
        }

        await amo.Connector.SyncAsync(CancellationToken.None);

        var companies = AmoCrmHarness.Query(Assert.Single(amo.Requests("/api/v4/companies")));
        Assert.Equal("1699999880", companies["filter[updated_at][from]"].Single());
        Assert.Equal("asc", companies["order[updated_at]"].Single());
        var events = AmoCrmHarness.Query(Assert.Single(amo.Requests("/api/v4/events")));
        Assert.Equal("1699999880", events["filter[created_at][from]"].Single());
        Assert.Equal("100", events["limit"].Single());
        Assert.Equal(["lead_status_changed", "entity_responsible_changed"], events["filter[type][]"]);
        var contacts = AmoCrmHarness.Query(Assert.Single(amo.Requests("/api/v4/contacts")));
        Assert.False(contacts.Contains("filter[updated_at][from]"), "an entity without a checkpoint is read in full");
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task A_page_that_fails_leaves_the_checkpoint_at_the_last_stored_page()
    {
        using var amo = AmoCrmHarness.LongLived().WithEmptyLists();
        amo.Server.Given(Request.Create().WithPath("/api/v4/companies").WithParam("page", "1").UsingGet())
            .RespondWith(AmoCrmHarness.Json("companies.page1.json"));
        amo.Server.Given(Request.Create().WithPath("/api/v4/companies").WithParam("page", "2").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.InternalServerError).WithBody("<html>502 Bad Gateway</html>"));

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => amo.Connector.SyncAsync(CancellationToken.None));

        Assert.Contains("company page 2", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, amo.Store.Companies.Count());
        var checkpoint = amo.Store.Checkpoints.Get(CrmKind.AmoCrm, amo.Account, "company");
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000200), checkpoint?.ModifiedSince);
        Assert.Equal(3, amo.Requests("/api/v4/companies").Count(r => AmoCrmHarness.Query(r)["page"].Single() == "2"));
        amo.AssertOnlyExpectedRequests();
    }
}
