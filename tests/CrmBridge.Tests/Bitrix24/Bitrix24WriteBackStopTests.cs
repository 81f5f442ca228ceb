using CrmBridge.Core.Model;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using CrmBridge.Sync;
using CrmBridge.Tests.Bitrix24.Fakes;
using CrmBridge.Tests.Outbox;
using Microsoft.Extensions.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CrmBridge.Tests.Bitrix24;

/// <summary>A CRM's stop signal during write-backs is said once per tick, and costs the waiting actions nothing.</summary>
public sealed class Bitrix24WriteBackStopTests : IDisposable
{
    private readonly FakePortal portal = new FakePortal().WithEmptyPortal();

    [Fact]
    public async Task A_revoked_webhook_during_write_backs_is_one_line_and_every_comment_waits_for_the_next_tick()
    {
        portal.Server.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json")
                .WithBody("""{"error":"expired_token","error_description":"The access token provided has expired."}"""));
        using var host = new Bitrix24TestHost(portal);
        var time = OutboxTestActions.Clock();
        using var store = CrmStore.OpenInMemory(time);
        var keys = Enumerable.Range(1, 5).Select(i => $"comment:bitrix24:{i}").ToList();
        foreach (var (key, id) in keys.Select((k, i) => (k, i + 1)))
        {
            var company = new CrmRef(CrmKind.Bitrix24, host.Connector.Account, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            store.Outbox.Enqueue(new PlannedAction(ActionKinds.CrmComment, key, new CompanyCommentPayload(company, "Карточка передана"), $"Comment on {id}"));
        }

        var logger = new ListLogger<OutboxDispatcher>();
        using var dispatcher = OutboxTestActions.Dispatcher(store, time, new CrmActionExecutor([host.Connector]), logger: logger);

        var summary = await host.Time.RunAsync(() => dispatcher.DispatchAsync(CancellationToken.None));

        var line = Assert.Single(logger.Lines, l => l.Level >= LogLevel.Warning);
        Assert.Contains("Bitrix24 " + host.Connector.Account + " is stopped", line.Message, StringComparison.Ordinal);
        Assert.Contains("expired_token", line.Message, StringComparison.Ordinal);
        Assert.Single(portal.Server.LogEntries);
        Assert.Equal(5, summary.Retrying);
        Assert.All(keys.Select(store.Outbox.Find), e => Assert.Equal((OutboxState.Pending, 0, false), (e!.State, e.Attempts, e.MayHaveRun)));
    }

    public void Dispose() => portal.Dispose();
}
