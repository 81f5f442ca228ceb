using CrmBridge.Outbox;
using CrmBridge.Storage;
using CrmBridge.Tests.Storage;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Tests.Outbox;

public sealed class OutboxDispatcherTests : IDisposable
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider time = OutboxTestActions.Clock();
    private readonly CrmStore store;

    public OutboxDispatcherTests() => store = CrmStore.OpenInMemory(time);

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task An_action_is_executed_once_even_when_the_process_restarts_between_runs()
    {
        using var file = new TempDatabase();
        var executor = new RecordingExecutor(ActionKinds.TelegramMessage);

        using (var first = CrmStore.Open(file.Path, time))
        {
            Assert.True(first.Outbox.Enqueue(OutboxTestActions.Message()));
            using var dispatcher = OutboxTestActions.Dispatcher(first, time, executor);
            Assert.Equal(1, (await dispatcher.DispatchAsync(CancellationToken.None)).Done);
        }

        using (var restarted = CrmStore.Open(file.Path, time))
        {
            Assert.False(restarted.Outbox.Enqueue(OutboxTestActions.Message()));
            using var dispatcher = OutboxTestActions.Dispatcher(restarted, time, executor);
            var summary = await dispatcher.DispatchAsync(CancellationToken.None);

            Assert.Equal(0, summary.Done);
            Assert.Equal(OutboxState.Done, restarted.Outbox.Find(OutboxTestActions.Message().Key)!.State);
        }

        Assert.Single(executor.Calls);
    }

    [Fact]
    public async Task The_action_is_marked_running_in_the_store_before_it_executes()
    {
        var executor = new RecordingExecutor(ActionKinds.CrmReassign);
        OutboxState? seen = null;
        executor.During = _ =>
        {
            seen = store.Outbox.Find(OutboxTestActions.Reassign().Key)!.State;
            return Task.CompletedTask;
        };
        store.Outbox.Enqueue(OutboxTestActions.Reassign());
        using var dispatcher = OutboxTestActions.Dispatcher(store, time, executor);

        await dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal(OutboxState.Running, seen);
        var done = store.Outbox.Find(OutboxTestActions.Reassign().Key)!;
        Assert.Equal(OutboxState.Done, done.State);
        Assert.Equal(1, done.Attempts);
        Assert.Equal([AuditOutcomes.Done], store.Audit.ForAction(done.Key).Select(e => e.Outcome));
    }

    [Fact]
    public async Task A_message_interrupted_by_a_crash_is_reported_and_not_sent_again()
    {
        // Arrange: the first process starts sending and dies mid-send (its task never finishes).
        var hung = new RecordingExecutor(ActionKinds.TelegramMessage) { During = ct => Task.Delay(Timeout.Infinite, ct) };
        using var crash = new CancellationTokenSource();
        store.Outbox.Enqueue(OutboxTestActions.Message());
        using var crashed = OutboxTestActions.Dispatcher(store, time, hung);
        var abandoned = crashed.DispatchAsync(crash.Token);

        // Act: the process starts again.
        var executor = new RecordingExecutor(ActionKinds.TelegramMessage);
        var logger = new ListLogger<OutboxDispatcher>();
        using var restarted = OutboxTestActions.Dispatcher(store, time, executor, logger: logger);
        var summary = await restarted.DispatchAsync(CancellationToken.None);
        await restarted.DispatchAsync(CancellationToken.None);

        // Assert
        Assert.Empty(executor.Calls);
        var reported = Assert.Single(summary.Interrupted);
        Assert.Equal(OutboxTestActions.Message().Key, reported.Key);
        Assert.Equal(OutboxState.Interrupted, store.Outbox.Find(reported.Key)!.State);
        Assert.Equal([AuditOutcomes.Interrupted], store.Audit.ForAction(reported.Key).Select(e => e.Outcome));
        Assert.Contains(logger.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains(reported.Key, StringComparison.Ordinal) && line.Message.Contains("not sent again", StringComparison.Ordinal));
        Assert.False(store.Outbox.Enqueue(OutboxTestActions.Message()));

        await crash.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
    }

    [Fact]
    public async Task A_crm_update_interrupted_by_a_crash_runs_again_after_restart()
    {
        var hung = new RecordingExecutor(ActionKinds.CrmReassign) { During = ct => Task.Delay(Timeout.Infinite, ct) };
        using var crash = new CancellationTokenSource();
        store.Outbox.Enqueue(OutboxTestActions.Reassign());
        using var crashed = OutboxTestActions.Dispatcher(store, time, hung);
        var abandoned = crashed.DispatchAsync(crash.Token);

        var executor = new RecordingExecutor(ActionKinds.CrmReassign);
        using var restarted = OutboxTestActions.Dispatcher(store, time, executor);
        var summary = await restarted.DispatchAsync(CancellationToken.None);

        Assert.Equal(1, summary.Requeued);
        Assert.Equal(1, summary.Done);
        Assert.Single(executor.Calls);
        var entry = store.Outbox.Find(OutboxTestActions.Reassign().Key)!;
        Assert.Equal(OutboxState.Done, entry.State);
        Assert.Equal(2, entry.Attempts);
        Assert.Equal([AuditOutcomes.Requeued, AuditOutcomes.Done], store.Audit.ForAction(entry.Key).Select(e => e.Outcome));

        await crash.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
    }

    [Fact]
    public async Task A_message_cut_by_shutdown_is_settled_as_interrupted_at_once()
    {
        using var shutdown = new CancellationTokenSource();
        var executor = new RecordingExecutor(ActionKinds.TelegramMessage)
        {
            During = async ct =>
            {
                await shutdown.CancelAsync();
                ct.ThrowIfCancellationRequested();
            },
        };
        store.Outbox.Enqueue(OutboxTestActions.Message());
        using var dispatcher = OutboxTestActions.Dispatcher(store, time, executor);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatcher.DispatchAsync(shutdown.Token));

        Assert.Equal(OutboxState.Interrupted, store.Outbox.Find(OutboxTestActions.Message().Key)!.State);
    }

    [Fact]
    public void A_duplicate_key_is_refused()
    {
        Assert.True(store.Outbox.Enqueue(OutboxTestActions.Reassign()));
        Assert.False(store.Outbox.Enqueue(OutboxTestActions.Reassign() with { Summary = "again" }));

        Assert.Equal("Company 42 to manager 8", Assert.Single(store.Outbox.List()).Summary);
    }

    [Fact]
    public async Task Dry_run_executes_nothing_and_audits_each_action()
    {
        var executor = new RecordingExecutor(ActionKinds.TelegramMessage, ActionKinds.CrmReassign);
        var logger = new ListLogger<OutboxDispatcher>();
        store.Outbox.Enqueue(OutboxTestActions.Message());
        store.Outbox.Enqueue(OutboxTestActions.Reassign());
        using var dispatcher = OutboxTestActions.Dispatcher(store, time, executor, dryRun: true, logger: logger);

        var summary = await dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Empty(executor.Calls);
        Assert.Equal(2, summary.DryRun);
        Assert.All(store.Outbox.List(), entry => Assert.Equal(OutboxState.DryRun, entry.State));
        Assert.Equal([AuditOutcomes.DryRun], store.Audit.ForAction(OutboxTestActions.Reassign().Key).Select(e => e.Outcome));
        Assert.Equal(2, logger.Lines.Count(line => line.Message.StartsWith("Dry run:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_action_seen_only_in_a_dry_run_runs_for_real_later()
    {
        var executor = new RecordingExecutor(ActionKinds.CrmReassign);
        store.Outbox.Enqueue(OutboxTestActions.Reassign());
        using (var dry = OutboxTestActions.Dispatcher(store, time, executor, dryRun: true))
        {
            await dry.DispatchAsync(CancellationToken.None);
        }

        Assert.True(store.Outbox.Enqueue(OutboxTestActions.Reassign()));
        using var real = OutboxTestActions.Dispatcher(store, time, executor);
        await real.DispatchAsync(CancellationToken.None);

        Assert.Single(executor.Calls);
        Assert.False(store.Outbox.Enqueue(OutboxTestActions.Reassign()));
    }

    [Fact]
    public async Task The_report_lists_kind_key_and_state_of_each_action()
    {
        var executor = new RecordingExecutor(ActionKinds.CrmReassign);
        store.Outbox.Enqueue(OutboxTestActions.Reassign());
        time.Advance(TimeSpan.FromSeconds(1));
        store.Outbox.Enqueue(OutboxTestActions.Message());
        using var dispatcher = OutboxTestActions.Dispatcher(store, time, executor);
        await dispatcher.DispatchAsync(CancellationToken.None);

        var report = OutboxReportLine.From(store.Outbox);

        Assert.Equal(
            [(ActionKinds.CrmReassign, OutboxTestActions.Reassign().Key, "done"), (ActionKinds.TelegramMessage, OutboxTestActions.Message().Key, "failed")],
            report.Select(line => (line.Kind, line.Key, line.State)));
        Assert.Equal("No executor handles 'telegram.message'; is that feature configured?", report[1].LastError);
        Assert.Single(OutboxReportLine.From(store.Outbox, createdSince: time.GetUtcNow()));
    }
}
