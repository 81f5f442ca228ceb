using CrmBridge.Outbox;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Outbox;

public sealed class OutboxRetryTests : IDisposable
{
    private static readonly TimeSpan BaseDelay = new OutboxOptions().RetryBaseDelay;
    private static readonly TimeSpan MaxDelay = new OutboxOptions().RetryMaxDelay;
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider time = OutboxTestActions.Clock();
    private readonly CrmStore store;

    public OutboxRetryTests() => store = CrmStore.OpenInMemory(time);

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task A_send_that_provably_did_not_happen_is_retried_after_the_backoff()
    {
        var executor = new RecordingExecutor(ActionKinds.TelegramMessage).FailingWith(new ActionNotDoneException("503 Service Unavailable"));
        var key = OutboxTestActions.Message().Key;
        store.Outbox.Enqueue(OutboxTestActions.Message());
        using var dispatcher = OutboxTestActions.Dispatcher(store, time, executor);

        var first = await dispatcher.DispatchAsync(CancellationToken.None);
        var pending = store.Outbox.Find(key)!;
        Assert.Equal(1, first.Retrying);
        Assert.Equal(OutboxState.Pending, pending.State);
        Assert.Equal("503 Service Unavailable", pending.LastError);
        Assert.InRange(pending.NextAttemptAt!.Value - time.GetUtcNow(), BaseDelay / 2, BaseDelay);

        time.Advance((BaseDelay / 2) - TimeSpan.FromSeconds(1));
        await dispatcher.DispatchAsync(CancellationToken.None);
        Assert.Single(executor.Calls);

        time.Advance(BaseDelay);
        var second = await dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal(1, second.Done);
        Assert.Equal(2, executor.Calls.Count);
        Assert.Equal(OutboxState.Done, store.Outbox.Find(key)!.State);
        Assert.Equal([AuditOutcomes.Retry, AuditOutcomes.Done], store.Audit.ForAction(key).Select(e => e.Outcome));
    }

    [Fact]
    public async Task A_permanent_failure_is_not_retried()
    {
        var executor = new RecordingExecutor(ActionKinds.TelegramMessage).FailingWith(new PermanentActionException("chat not found"));
        var key = OutboxTestActions.Message().Key;
        store.Outbox.Enqueue(OutboxTestActions.Message());
        using var dispatcher = OutboxTestActions.Dispatcher(store, time, executor);

        var summary = await dispatcher.DispatchAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromDays(1));
        await dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal(1, summary.Failed);
        Assert.Single(executor.Calls);
        Assert.Equal(OutboxState.Failed, store.Outbox.Find(key)!.State);
        var audited = Assert.Single(store.Audit.ForAction(key));
        Assert.Equal((AuditOutcomes.Failed, "chat not found"), (audited.Outcome, audited.Detail));
    }

    [Fact]
    public async Task A_message_is_given_up_after_the_maximum_attempts()
    {
        var executor = new RecordingExecutor(ActionKinds.TelegramMessage)
            .FailingWith(new ActionNotDoneException("no connection"), new ActionNotDoneException("no connection"), new ActionNotDoneException("no connection"));
        var key = OutboxTestActions.Message().Key;
        store.Outbox.Enqueue(OutboxTestActions.Message());
        using var dispatcher = OutboxTestActions.Dispatcher(store, time, executor, maxAttempts: 3);

        for (var pass = 0; pass < 5; pass++)
        {
            await dispatcher.DispatchAsync(CancellationToken.None);
            time.Advance(MaxDelay);
        }

        Assert.Equal(3, executor.Calls.Count);
        var failed = store.Outbox.Find(key)!;
        Assert.Equal(OutboxState.Failed, failed.State);
        Assert.Equal("gave up after 3 attempts: no connection", failed.LastError);
    }

    [Fact]
    public async Task A_crm_update_keeps_retrying_past_the_maximum_until_it_succeeds()
    {
        var executor = new RecordingExecutor(ActionKinds.CrmReassign)
            .FailingWith([.. Enumerable.Range(0, 5).Select(_ => new ActionNotDoneException("502 Bad Gateway"))]);
        store.Outbox.Enqueue(OutboxTestActions.Reassign());
        using var dispatcher = OutboxTestActions.Dispatcher(store, time, executor, maxAttempts: 2);

        for (var pass = 0; pass < 8; pass++)
        {
            await dispatcher.DispatchAsync(CancellationToken.None);
            time.Advance(MaxDelay);
        }

        Assert.Equal(6, executor.Calls.Count);
        var done = store.Outbox.Find(OutboxTestActions.Reassign().Key)!;
        Assert.Equal(OutboxState.Done, done.State);
        Assert.Equal(6, done.Attempts);
    }

    [Fact]
    public async Task The_executor_gets_the_payload_record_back_as_it_was_planned()
    {
        var executor = new RecordingExecutor(ActionKinds.CrmReassign);
        store.Outbox.Enqueue(OutboxTestActions.Reassign());
        using var dispatcher = OutboxTestActions.Dispatcher(store, time, executor);

        await dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal(OutboxTestActions.Reassign().Payload, Assert.Single(executor.Calls).Payload);
    }

    [Theory]
    [InlineData(1, 1.0, 30)]
    [InlineData(2, 1.0, 60)]
    [InlineData(5, 1.0, 480)]
    [InlineData(20, 1.0, 3600)]
    [InlineData(2000, 1.0, 3600)]
    [InlineData(3, 0, 60)]
    public void Backoff_doubles_per_attempt_is_capped_and_jitter_keeps_at_least_half(int attempt, double jitter, int expectedSeconds)
    {
        var delay = RetryBackoff.Delay(attempt, BaseDelay, MaxDelay, jitter);

        Assert.Equal(expectedSeconds, delay.TotalSeconds, precision: 0);
    }
}
