using System.Collections.Concurrent;
using System.Net;
using CrmBridge.Core.Model;
using CrmBridge.Crm;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CrmBridge.Tests.AmoCrm;

public sealed class AmoCrmErrorTests
{
    [Fact]
    public async Task A_429_is_retried_and_the_sync_goes_on()
    {
        using var amo = AmoCrmHarness.LongLived().WithEmptyLists();
        amo.Server.Given(Request.Create().WithPath("/api/v4/users").UsingGet()).InScenario("limit").WillSetStateTo("cooled down")
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.TooManyRequests).WithBody(AmoFixture.Read("error.429.txt")));
        amo.Server.Given(Request.Create().WithPath("/api/v4/users").UsingGet()).InScenario("limit").WhenStateIs("cooled down")
            .RespondWith(AmoCrmHarness.Json("users.json"));

        var summary = await amo.Connector.SyncAsync(CancellationToken.None);

        Assert.Equal(2, summary.Users);
        Assert.Equal(2, amo.Requests("/api/v4/users").Count);
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task A_429_with_Retry_After_waits_that_long_before_the_retry()
    {
        var time = new TimerWatch(AmoCrmHarness.Start);
        using var amo = AmoCrmHarness.LongLived(time: time).WithEmptyLists();
        amo.Server.Given(Request.Create().WithPath("/api/v4/users").UsingGet()).InScenario("limit").WillSetStateTo("cooled down")
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.TooManyRequests).WithHeader("Retry-After", "5").WithBody(AmoFixture.Read("error.429.txt")));
        amo.Server.Given(Request.Create().WithPath("/api/v4/users").UsingGet()).InScenario("limit").WhenStateIs("cooled down")
            .RespondWith(AmoCrmHarness.Json("users.json"));

        var sync = amo.Connector.SyncAsync(CancellationToken.None);

        // The retry waits for the vendor's 5 s (the configured backoff is 0 here), and nothing goes out meanwhile.
        await time.Waiting(TimeSpan.FromSeconds(5)).WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Single(amo.Requests("/api/v4/users"));
        Assert.False(sync.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        var summary = await sync;

        Assert.Equal(2, summary.Users);
        Assert.Equal(2, amo.Requests("/api/v4/users").Count);
        amo.AssertOnlyExpectedRequests();
    }

    /// <summary>A fake clock that tells when something starts waiting on it for a given time.</summary>
    private sealed class TimerWatch(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly ConcurrentDictionary<TimeSpan, TaskCompletionSource> _waits = new();

        public Task Waiting(TimeSpan dueTime) => Wait(dueTime).Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Wait(dueTime).TrySetResult();
            return timer;
        }

        private TaskCompletionSource Wait(TimeSpan dueTime) =>
            _waits.GetOrAdd(dueTime, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    [Fact]
    public async Task A_page_that_hangs_past_the_attempt_timeout_is_cut_and_asked_again()
    {
        using var amo = AmoCrmHarness.LongLived(s => s["AmoCrm:Timeout"] = "00:00:30").WithEmptyLists();

        // The first answer takes longer than an attempt may (the account's clock passes 31 s while it is held): the client
        // has given up on it by the time it comes, so its one user is not stored; the second answer is.
        amo.Server.Given(Request.Create().WithPath("/api/v4/users").UsingGet()).InScenario("slow").WillSetStateTo("quick")
            .RespondWith(Response.Create().WithCallback(_ =>
            {
                amo.Time.Advance(TimeSpan.FromSeconds(31));
                return new WireMock.ResponseMessage
                {
                    StatusCode = 200,
                    Headers = new Dictionary<string, WireMock.Types.WireMockList<string>> { ["Content-Type"] = new("application/hal+json") },
                    BodyData = new WireMock.Util.BodyData
                    {
                        BodyAsString = """{"_page":1,"_embedded":{"users":[{"id":504199,"name":"Поздний ответ","email":"late@example.ru"}]}}""",
                        DetectedBodyType = WireMock.Types.BodyType.String,
                    },
                };
            }));
        amo.Server.Given(Request.Create().WithPath("/api/v4/users").UsingGet()).InScenario("slow").WhenStateIs("quick")
            .RespondWith(AmoCrmHarness.Json("users.json"));

        var summary = await amo.Connector.SyncAsync(CancellationToken.None);

        Assert.Equal(2, summary.Users);
        Assert.DoesNotContain(amo.Store.Managers.All(), m => m.Ref.Id == "504199");
        Assert.Equal(2, amo.Requests("/api/v4/users").Count);
        Assert.Contains(amo.Logs.Lines, l => l.Contains("no answer in time", StringComparison.Ordinal));
        amo.AssertOnlyExpectedRequests();
    }

    [Fact]
    public async Task A_403_stops_everything_at_once_until_the_next_tick()
    {
        using var amo = AmoCrmHarness.LongLived().WithEmptyLists();
        amo.Server.Given(Request.Create().WithPath("/api/v4/users").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.Forbidden).WithHeader("Content-Type", "text/html")
                .WithBody(AmoFixture.Read("error.403.html")));

        var stop = await Assert.ThrowsAsync<CrmStopException>(() => amo.Connector.SyncAsync(CancellationToken.None));
        var company = new CrmRef(CrmKind.AmoCrm, amo.Account, "1001");
        var writeStop = await Assert.ThrowsAsync<CrmStopException>(() => amo.Connector.ReassignCompanyAsync(company, "504142", CancellationToken.None));

        Assert.Contains("403 Forbidden", stop.Message, StringComparison.Ordinal);
        Assert.Contains("blocked", stop.Message, StringComparison.Ordinal);
        Assert.Equal(stop.Message, writeStop.Message);
        Assert.Single(amo.Server.LogEntries);
        Assert.Contains(amo.Logs.Lines, l => l.Contains("answered 403", StringComparison.Ordinal));

        await Assert.ThrowsAsync<CrmStopException>(() => amo.Connector.SyncAsync(CancellationToken.None));
        Assert.Equal(2, amo.Server.LogEntries.Count);
        amo.AssertNoSecretLeaked(stop);
    }

    [Fact]
    public async Task An_unpaid_account_stops_with_a_clear_message()
    {
        using var amo = AmoCrmHarness.LongLived().WithEmptyLists();
        amo.Server.Given(Request.Create().WithPath("/api/v4/users").UsingGet()).AtPriority(1)
            .RespondWith(AmoCrmHarness.Json("error.402.json", HttpStatusCode.PaymentRequired));

        var stop = await Assert.ThrowsAsync<CrmStopException>(() => amo.Connector.SyncAsync(CancellationToken.None));

        Assert.Contains("402 Payment Required", stop.Message, StringComparison.Ordinal);
        Assert.Contains("not paid", stop.Message, StringComparison.Ordinal);
        Assert.Single(amo.Server.LogEntries);
    }
}
