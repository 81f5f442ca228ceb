using System.Text.Json;
using System.Text.Json.Nodes;
using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Outbox;
using CrmBridge.Tests.Bitrix24.Fakes;
using CrmBridge.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CrmBridge.Tests.Bitrix24;

/// <summary>
/// Transient faults cost a retry, not the tick: a full load through a storm stores what a clean load stores; a stop
/// code stops Bitrix24 at once; a storm past the tick's retry budget stops it for the tick, in one sentence.
/// </summary>
[Collection(DrivenClockTests.Name)]
public sealed class Bitrix24StormTests
{
    /// <summary>
    /// A full load reads every list through batches; at one command a batch (the storm host's BatchSize) the 120
    /// companies, the other lists and the pipeline reads take 11 of them, and the first 9 each meet four faults.
    /// </summary>
    private const int FaultedBatches = 9;

    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    private const string Html502 = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

    /// <summary>Four faults in a row before each path answers: 9 paths × 4 = 36 faults of six kinds, each kind 6 times.</summary>
    private static readonly (string Kind, Func<Bitrix24TestHost, IResponseBuilder> Fault)[] Faults =
    [
        ("dropped connection", _ => Response.Create().WithFault(FaultType.EMPTY_RESPONSE)),
        ("500 INTERNAL_SERVER_ERROR", _ => Json(500, """{"error":"INTERNAL_SERVER_ERROR","error_description":"Internal server error"}""")),
        ("502 HTML page", _ => Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody(Html502)),
        ("503 QUERY_LIMIT_EXCEEDED", _ => Json(503, """{"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"}""")),
        ("200 body that is not JSON", _ => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"result":[{"ID":"1","TITLE":"Ро""")),

        // The request hangs: the portal's clock passes the attempt timeout while it holds the request, so the client
        // cuts it (the 504 page never arrives) and tries again.
        ("timeout", host => Response.Create().WithCallback(_ =>
        {
            host.Time.Fake.Advance(AttemptTimeout + TimeSpan.FromSeconds(1));
            return new WireMock.ResponseMessage { StatusCode = 504, BodyData = new WireMock.Util.BodyData { BodyAsString = "<html>504 Gateway Time-out</html>", DetectedBodyType = WireMock.Types.BodyType.String } };
        })),
    ];

    [Fact]
    public async Task A_full_load_through_a_storm_of_36_transient_faults_stores_the_same_as_a_clean_load()
    {
        using var cleanPortal = Portal();
        using var clean = Host(cleanPortal);
        await clean.SyncAsync();

        using var stormyPortal = Portal();
        using var stormy = Host(stormyPortal);
        var served = new Dictionary<string, int>();
        var faults = 0;
        for (var batch = 0; batch < FaultedBatches; batch++)
        {
            for (var step = 0; step < 4; step++)
            {
                var (kind, fault) = Faults[faults++ % Faults.Length];
                served[kind] = served.GetValueOrDefault(kind) + 1;
                var mapping = stormyPortal.Server.Given(Request.Create().WithPath(FakePortal.PathOf("batch")).UsingPost()).AtPriority(1).InScenario("storm");
                (batch == 0 && step == 0 ? mapping : mapping.WhenStateIs($"batch {batch} fault {step}"))
                    .WillSetStateTo(step == 3 ? $"batch {batch} answers" : $"batch {batch} fault {step + 1}")
                    .RespondWith(fault(stormy));
            }

            // After its four faults the batch gets the portal's own answer, and the next batch's storm begins.
            stormyPortal.Server.Given(Request.Create().WithPath(FakePortal.PathOf("batch")).UsingPost()).AtPriority(1).InScenario("storm")
                .WhenStateIs($"batch {batch} answers")
                .WillSetStateTo(batch == FaultedBatches - 1 ? "calm" : $"batch {batch + 1} fault 0")
                .RespondWith(Response.Create().WithCallback(stormyPortal.Answer));
        }

        var summary = await stormy.SyncAsync();

        Assert.Equal(36, faults);
        Assert.All(served.Values, count => Assert.Equal(6, count));
        // Every batch went through all four of its faults before it answered, and the load needed all of them.
        Assert.Equal("calm", Assert.Single(stormyPortal.Server.Scenarios).Value.NextState);
        Assert.Equal(clean.Store.Companies.Count(), stormy.Store.Companies.Count());
        Assert.Equal(11, cleanPortal.Server.LogEntries.Count);
        Assert.Equal(11 + 36, stormyPortal.Server.LogEntries.Count);
        Assert.Equal(Dump(clean, cleanPortal), Dump(stormy, stormyPortal));
        Assert.Equal(120, summary.Companies);
        Assert.True(stormy.Transport.Tick.Retries >= 36, $"{stormy.Transport.Tick.Retries} retries");
        Assert.Contains(Lines(stormy), l => l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("no answer in time", StringComparison.Ordinal));
        Assert.DoesNotContain(Lines(stormy), l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal));
        stormyPortal.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task An_expired_webhook_stops_Bitrix24_at_once_without_a_retry_and_its_write_backs_wait_for_the_next_tick()
    {
        using var portal = Portal();
        portal.Server.Given(Request.Create().WithPath(FakePortal.PathOf("batch")).UsingPost()).AtPriority(1)
            .RespondWith(Json(401, """{"error":"expired_token","error_description":"The access token provided has expired."}"""));
        using var host = Host(portal);

        var stop = await Assert.ThrowsAsync<CrmStopException>(host.SyncAsync);
        var requests = portal.Server.LogEntries.Count;
        var write = await Assert.ThrowsAsync<CrmStopException>(() => host.Time.RunAsync(() =>
            host.Connector.AddCommentAsync(new CrmRef(CrmKind.Bitrix24, host.Connector.Account, "1"), "text", new WriteMarker("[cb:0a1b2c3d4e]", CheckFirst: false), CancellationToken.None)));

        Assert.Contains("rejected the inbound webhook (expired_token) on batch", stop.Message, StringComparison.Ordinal);
        Assert.Equal(stop.Message, write.Message);
        Assert.Single(portal.Server.LogEntries, e => e.RequestMessage.Path == FakePortal.PathOf("batch"));
        Assert.Equal(requests, portal.Server.LogEntries.Count);
        Assert.DoesNotContain(Lines(host), l => l.Contains("retry", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_storm_past_the_retry_budget_stops_Bitrix24_for_the_tick_in_one_sentence_and_the_next_tick_starts_afresh()
    {
        using var portal = Portal();
        var outage = Guid.NewGuid();
        portal.Server.Given(Request.Create().WithPath(FakePortal.PathOf("batch")).UsingPost()).WithGuid(outage).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody(Html502));
        using var host = Host(portal, new Dictionary<string, string?> { ["Bitrix24:RetryBudgetPerTick"] = "3" });

        var stop = await Assert.ThrowsAsync<CrmStopException>(host.SyncAsync);

        Assert.Equal(
            "Bitrix24: 4 transient faults this tick, its retry budget of 3 is spent (last: 502 with an HTML page for batch); stopping until the next tick",
            stop.Message);
        Assert.Equal(4, portal.Server.LogEntries.Count(e => e.RequestMessage.Path == FakePortal.PathOf("batch")));
        Assert.Equal(3, host.Logs.Lines.Count(l => l.StartsWith("Debug CrmBridge.Crm.Retry", StringComparison.Ordinal)));

        // The outage is over by the next tick: a fresh budget, and the load completes.
        portal.Server.DeleteMapping(outage);
        var summary = await host.SyncAsync();
        Assert.Equal(120, summary.Companies);
    }

    [Fact]
    public async Task A_request_that_keeps_failing_gives_up_in_one_warning_naming_it_and_its_retries()
    {
        using var portal = Portal();
        var batches = 0;

        // The first batch answers (every list's first page); the second, with the rest of the companies, keeps failing.
        portal.Server.Given(Request.Create().WithPath(FakePortal.PathOf("batch")).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithCallback(request => Interlocked.Increment(ref batches) == 1
                ? portal.Answer(request)
                : new WireMock.ResponseMessage
                {
                    StatusCode = 500,
                    Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/json") },
                    BodyData = new WireMock.Util.BodyData { BodyAsString = """{"error":"INTERNAL_SERVER_ERROR","error_description":"Internal server error"}""", DetectedBodyType = WireMock.Types.BodyType.String },
                }));
        using var host = Host(portal, new Dictionary<string, string?> { ["Bitrix24:MaxRetries"] = "2", ["Bitrix24:BatchSize"] = "50" });

        await Assert.ThrowsAnyAsync<Exception>(host.SyncAsync);

        var warning = Assert.Single(Lines(host), l => l.StartsWith("Warning", StringComparison.Ordinal));
        Assert.Contains("Bitrix24: batch still got 500 INTERNAL_SERVER_ERROR after 2 retries; giving up on it", warning, StringComparison.Ordinal);
        Assert.Equal(2, host.Logs.Lines.Count(l => l.StartsWith("Debug CrmBridge.Crm.Retry", StringComparison.Ordinal) && l.Contains("batch", StringComparison.Ordinal)));
        Assert.Equal(50, host.Store.Companies.Count());
        Assert.Equal(20, host.Store.Deals.Count());
    }

    [Fact]
    public async Task A_comment_whose_connection_was_refused_is_retried_but_one_that_may_have_landed_is_not()
    {
        using var portal = Portal();
        portal.Server.Given(Request.Create().WithPath(FakePortal.PathOf("crm.timeline.comment.add")).UsingPost()).AtPriority(1).InScenario("comment")
            .WillSetStateTo("limited").RespondWith(Json(503, """{"error":"QUERY_LIMIT_EXCEEDED","error_description":"Too many requests"}"""));
        portal.Server.Given(Request.Create().WithPath(FakePortal.PathOf("crm.timeline.comment.add")).UsingPost()).AtPriority(1).InScenario("comment")
            .WhenStateIs("limited").WillSetStateTo("dropped").RespondWith(Json(200, """{"result":77}"""));
        portal.Server.Given(Request.Create().WithPath(FakePortal.PathOf("crm.timeline.comment.add")).UsingPost()).AtPriority(1).InScenario("comment")
            .WhenStateIs("dropped").RespondWith(Response.Create().WithFault(FaultType.EMPTY_RESPONSE));
        using var host = Host(portal);
        var company = new CrmRef(CrmKind.Bitrix24, host.Connector.Account, "1");
        var marker = new WriteMarker("[cb:0a1b2c3d4e]", CheckFirst: false);

        // QUERY_LIMIT_EXCEEDED: the portal did not run it, so it is sent again and lands.
        await host.Time.RunAsync(() => host.Connector.AddCommentAsync(company, "text", marker, CancellationToken.None));
        // A dropped connection after the request went out: it may have landed, so the outbox decides (marker check).
        await Assert.ThrowsAsync<ActionOutcomeUnknownException>(() => host.Time.RunAsync(() => host.Connector.AddCommentAsync(company, "text", marker, CancellationToken.None)));

        Assert.Equal(3, portal.Server.LogEntries.Count(e => e.RequestMessage.Path == FakePortal.PathOf("crm.timeline.comment.add")));
    }

    private static FakePortal Portal()
    {
        var portal = new FakePortal().WithEmptyPortal();
        portal.Tables["crm.company.list"].AddRange(Enumerable.Range(1, 120).Select(i => BitrixRows.Company(i, owner: i % 2 == 0 ? "11" : "12")));
        portal.Tables["crm.requisite.list"].AddRange(Enumerable.Range(1, 30).Select(i => BitrixRows.Requisite(100 + i, i, "7707083893")));
        portal.Tables["crm.contact.list"].AddRange(Enumerable.Range(1, 20).Select(i => BitrixRows.Contact(200 + i, i, i % 3 == 0 ? "Генеральный директор" : "Бухгалтер")));
        portal.Tables["crm.deal.list"].AddRange(Enumerable.Range(1, 20).Select(i => BitrixRows.Deal(300 + i, i, i % 4 == 0 ? "WON" : "NEW", i % 4 == 0 ? "S" : "P")));
        portal.Tables["crm.stagehistory.list"].Add(new JsonObject { ["ID"] = 1, ["TYPE_ID"] = 1, ["OWNER_ID"] = 304, ["CREATED_TIME"] = "2025-06-01T10:00:00+03:00", ["CATEGORY_ID"] = 0, ["STAGE_SEMANTIC_ID"] = "P", ["STAGE_ID"] = "NEW" });
        portal.Tables["crm.activity.list"].AddRange(Enumerable.Range(1, 20).Select(i => BitrixRows.Activity(400 + i, "2", "2", "4", i)));
        portal.Tables["user.get"].AddRange([
            new JsonObject { ["ID"] = "11", ["ACTIVE"] = true, ["NAME"] = "Anna", ["LAST_NAME"] = "Smirnova", ["EMAIL"] = "anna@example.ru" },
            new JsonObject { ["ID"] = "12", ["ACTIVE"] = true, ["NAME"] = "Oleg", ["LAST_NAME"] = "Petrov", ["EMAIL"] = "oleg@example.ru" }]);
        portal.Tables["crm.status.list"].AddRange([
            new JsonObject { ["ID"] = "101", ["ENTITY_ID"] = "DEAL_STAGE", ["STATUS_ID"] = "NEW", ["NAME"] = "New", ["SORT"] = "10", ["EXTRA"] = new JsonObject { ["SEMANTICS"] = "process" } },
            new JsonObject { ["ID"] = "111", ["ENTITY_ID"] = "DEAL_STAGE", ["STATUS_ID"] = "WON", ["NAME"] = "Won", ["SORT"] = "60", ["EXTRA"] = new JsonObject { ["SEMANTICS"] = "success" } }]);
        return portal;
    }

    private static Bitrix24TestHost Host(FakePortal portal, Dictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Bitrix24:MaxRetries"] = "10",
            ["Bitrix24:BatchSize"] = "1",
            ["Bitrix24:RetryBaseDelay"] = "00:00:01",
            ["Bitrix24:Timeout"] = AttemptTimeout.ToString(),
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        return new Bitrix24TestHost(portal, values);
    }

    /// <summary>CrmBridge's own log lines; Polly's telemetry goes nowhere in the app (CrmBridgeLogging).</summary>
    private static IEnumerable<string> Lines(Bitrix24TestHost host) => host.Logs.Lines.Where(l => !l.Contains(" Polly: ", StringComparison.Ordinal));

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    /// <summary>Everything the load stored, as JSON in a stable order; the portal's port and the clock of the pipeline read aside.</summary>
    private static string Dump(Bitrix24TestHost host, FakePortal portal)
    {
        var store = host.Store;
        object[] all =
        [
            store.Companies.All().OrderBy(c => c.Ref.Id, StringComparer.Ordinal),
            store.Persons.All().OrderBy(p => p.Ref.Id, StringComparer.Ordinal),
            store.Deals.All().OrderBy(d => d.Ref.Id, StringComparer.Ordinal),
            store.Activities.All().OrderBy(a => a.Ref.Id, StringComparer.Ordinal),
            store.Managers.All().OrderBy(m => m.Ref.Id, StringComparer.Ordinal),
            store.Pipelines.All().Select(p => p with { ModifiedAt = default }).OrderBy(p => p.Ref.Id, StringComparer.Ordinal),
            store.StageChanges.All().OrderBy(s => s.Ref.Id, StringComparer.Ordinal),
            store.OwnerChanges.All().OrderBy(o => o.Ref.Id, StringComparer.Ordinal),
        ];
        return JsonSerializer.Serialize(all).Replace(portal.Host, "portal", StringComparison.Ordinal);
    }
}
