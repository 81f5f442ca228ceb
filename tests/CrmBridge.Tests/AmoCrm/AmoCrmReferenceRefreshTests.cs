using System.Text.Json.Nodes;
using CrmBridge.Core.Model;
using CrmBridge.Storage;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CrmBridge.Tests.AmoCrm;

/// <summary>
/// Users and pipelines are read on the first load, on a full tick, after AmoCrm:ReferenceRefreshMinutes, and at once
/// when a record read names one the Store lacks; a quiet tick in between costs only the incremental lists.
/// </summary>
public sealed class AmoCrmReferenceRefreshTests
{
    private const string Users = "/api/v4/users";
    private const string Pipelines = "/api/v4/leads/pipelines";

    [Fact]
    public async Task A_quiet_tick_within_the_refresh_period_reads_neither_users_nor_pipelines()
    {
        using var amo = FirstLoaded();
        amo.Time.Advance(TimeSpan.FromMinutes(59));

        var summary = await amo.Connector.SyncAsync(CancellationToken.None);

        Assert.Empty(amo.Requests(Users));
        Assert.Empty(amo.Requests(Pipelines));
        Assert.Equal(6, summary.Requests);
        Assert.Single(amo.Requests("/api/v4/companies"));
        Assert.Single(amo.Requests("/api/v4/events"));
        Assert.Equal(2, amo.Store.Managers.Count());
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task A_full_tick_reads_users_and_pipelines_even_within_the_refresh_period()
    {
        using var amo = FirstLoaded();
        amo.Time.Advance(TimeSpan.FromMinutes(5));

        await amo.Connector.SyncAsync(full: true, CancellationToken.None);

        Assert.Single(amo.Requests(Users));
        Assert.Single(amo.Requests(Pipelines));
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task A_lead_naming_an_unknown_user_and_status_reads_both_lists_again_in_the_same_tick()
    {
        using var amo = FirstLoaded();
        amo.Time.Advance(TimeSpan.FromMinutes(10));
        Serve(amo, Users, UsersWithNewcomer());
        Serve(amo, Pipelines, PipelinesWithNewStatus());
        Serve(amo, "/api/v4/leads", LeadOf(responsible: 504143, status: 32392160));

        await amo.Connector.SyncAsync(CancellationToken.None);

        Assert.Single(amo.Requests(Users));
        Assert.Single(amo.Requests(Pipelines));
        var deal = amo.Store.Deals.Find(Ref(amo, "4002"))!;
        Assert.Equal(("504143", "32392160"), (deal.OwnerId, deal.StageId));
        Assert.Equal("Ольга Новикова", amo.Store.Managers.Find(Ref(amo, deal.OwnerId!))?.Name);
        Assert.Equal("Счёт выставлен", amo.Store.Pipelines.Find(Ref(amo, deal.PipelineId))?.FindStage(deal.StageId)?.Name);
        Assert.True(ChangedCompanies.IsEverything(amo.Store.Changed.Keys()), "a new user makes the next evaluation full");
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task Records_naming_only_known_users_and_statuses_do_not_read_the_lists_again()
    {
        using var amo = FirstLoaded();
        amo.Time.Advance(TimeSpan.FromMinutes(10));
        Serve(amo, "/api/v4/leads", LeadOf(responsible: 504142, status: 32392159));

        await amo.Connector.SyncAsync(CancellationToken.None);

        Assert.Equal("32392159", amo.Store.Deals.Find(Ref(amo, "4002"))!.StageId);
        Assert.Empty(amo.Requests(Users));
        Assert.Empty(amo.Requests(Pipelines));
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task After_the_refresh_period_users_are_read_again_and_a_new_user_is_noticed()
    {
        using var amo = FirstLoaded(s => s["AmoCrm:ReferenceRefreshMinutes"] = "30");
        Serve(amo, Users, UsersWithNewcomer());
        amo.Time.Advance(TimeSpan.FromMinutes(29));
        await amo.Connector.SyncAsync(CancellationToken.None);
        Assert.Empty(amo.Requests(Users));

        amo.Time.Advance(TimeSpan.FromMinutes(1));
        await amo.Connector.SyncAsync(CancellationToken.None);

        Assert.Single(amo.Requests(Users));
        Assert.Single(amo.Requests(Pipelines));
        Assert.Equal("Ольга Новикова", amo.Store.Managers.Find(Ref(amo, "504143"))?.Name);
        Assert.True(ChangedCompanies.IsEverything(amo.Store.Changed.Keys()), "a new user makes the next evaluation full");

        amo.Server.ResetLogEntries();
        amo.Time.Advance(TimeSpan.FromMinutes(29));
        await amo.Connector.SyncAsync(CancellationToken.None);
        Assert.Empty(amo.Requests(Users));
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task A_task_read_side_by_side_with_its_lead_still_finds_the_company_through_the_lead_stored_first()
    {
        using var amo = FirstLoaded();
        Serve(amo, "/api/v4/leads", AmoFixture.Read("leads.json"));
        Serve(amo, "/api/v4/tasks", TaskOnLead(4001));

        await amo.Connector.SyncAsync(CancellationToken.None);

        var task = amo.Store.Activities.Find(Ref(amo, "task-5009"))!;
        Assert.Equal((Ref(amo, "4001"), Ref(amo, "1001")), (task.Deal, task.Company));
        amo.AssertOnlyExpectedRequests();
    }

    /// <summary>A first load (users and pipelines read), its change marks cleared and its requests forgotten.</summary>
    private static AmoCrmHarness FirstLoaded(Action<Dictionary<string, string?>>? configure = null)
    {
        var amo = AmoCrmHarness.LongLived(configure).WithEmptyLists();
        Serve(amo, Users, AmoFixture.Read("users.json"));
        Serve(amo, Pipelines, AmoFixture.Read("pipelines.json"));
        amo.Connector.SyncAsync(CancellationToken.None).GetAwaiter().GetResult();
        Assert.Equal(2, amo.Store.Managers.Count());
        amo.Store.InTransaction(() => amo.Store.Changed.Clear(amo.Store.Changed.Keys()));
        amo.Server.ResetLogEntries();
        return amo;
    }

    private static void Serve(AmoCrmHarness amo, string path, string body) =>
        amo.Server.Given(Request.Create().WithPath(path).UsingGet()).AtPriority(10)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/hal+json").WithBody(body));

    private static string UsersWithNewcomer()
    {
        var users = JsonNode.Parse(AmoFixture.Read("users.json"))!;
        var list = users["_embedded"]!["users"]!.AsArray();
        var newcomer = list[0]!.DeepClone();
        newcomer["id"] = 504143;
        newcomer["name"] = "Ольга Новикова";
        newcomer["email"] = "olga@example.ru";
        list.Add(newcomer);
        return users.ToJsonString();
    }

    private static string PipelinesWithNewStatus()
    {
        var pipelines = JsonNode.Parse(AmoFixture.Read("pipelines.json"))!;
        var statuses = pipelines["_embedded"]!["pipelines"]![0]!["_embedded"]!["statuses"]!.AsArray();
        var status = statuses[1]!.DeepClone();
        status["id"] = 32392160;
        status["name"] = "Счёт выставлен";
        status["sort"] = 40;
        statuses.Add(status);
        return pipelines.ToJsonString();
    }

    /// <summary>leads.json's open lead 4002 alone, with the given responsible user and status.</summary>
    private static string LeadOf(long responsible, long status)
    {
        var leads = JsonNode.Parse(AmoFixture.Read("leads.json"))!;
        var list = leads["_embedded"]!["leads"]!.AsArray();
        var lead = list.Single(l => (long)l!["id"]! == 4002)!.DeepClone();
        lead["responsible_user_id"] = responsible;
        lead["status_id"] = status;
        list.Clear();
        list.Add(lead);
        return leads.ToJsonString();
    }

    private static string TaskOnLead(long leadId)
    {
        var tasks = JsonNode.Parse(AmoFixture.Read("tasks.json"))!;
        var list = tasks["_embedded"]!["tasks"]!.AsArray();
        var task = list[1]!.DeepClone();
        task["id"] = 5009;
        task["entity_type"] = "leads";
        task["entity_id"] = leadId;
        list.Clear();
        list.Add(task);
        return tasks.ToJsonString();
    }

    private static CrmRef Ref(AmoCrmHarness amo, string id) => new(CrmKind.AmoCrm, amo.Account, id);
}
