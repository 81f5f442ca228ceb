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
    public async Task A_message_cut_by_a_crash_inside_the_call_is_listed_as_ambiguous_and_not_sent_again()
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
        var reported = Assert.Single(summary.Ambiguous);
        Assert.Equal(OutboxTestActions.Message().Key, reported.Key);
        Assert.Equal(OutboxState.Ambiguous, store.Outbox.Find(reported.Key)!.State);
        Assert.Equal([AuditOutcomes.Ambiguous], store.Audit.ForAction(reported.Key).Select(e => e.Outcome));
        Assert.Contains(logger.Lines, line => line.Level == LogLevel.Warning && line.Message.Contains(reported.Key, StringComparison.Ordinal) && line.Message.Contains("not sent again", StringComparison.Ordinal));
        Assert.False(store.Outbox.Enqueue(OutboxTestActions.Message()));

        await crash.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
    }

    [Fact]
    public async Task A_crm_update_cut_by_a_crash_runs_again_after_restart_and_is_told_to_check_first()
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
        Assert.True(Assert.Single(executor.Attempts).MayHaveRun);
        Assert.Equal([AuditOutcomes.Requeued, AuditOutcomes.Done], store.Audit.ForAction(entry.Key).Select(e => e.Outcome));

        await crash.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
    }

    [Fact]
    public async Task A_message_cut_by_shutdown_is_settled_as_ambiguous_at_once()
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

        Assert.Equal(OutboxState.Ambiguous, store.Outbox.Find(OutboxTestActions.Message().Key)!.State);
    }

    [Fact]
    public async Task A_message_answered_429_waits_retry_after_as_pending_and_goes_out_in_the_same_pass()
    {
        var executor = new RecordingExecutor(ActionKinds.TelegramMessage).FailingWith(new ActionNotDoneException("429", TimeSpan.FromSeconds(5)));
        OutboxState? duringWait = null;
        store.Outbox.Enqueue(OutboxTestActions.Message());
        using var dispatcher = OutboxTestActions.Dispatcher(store, time, executor);

        // The first call is answered 429 and the pass waits 5 s on the clock, the action Pending meanwhile.
        var pass = dispatcher.DispatchAsync(CancellationToken.None);
        Assert.Single(executor.Calls);
        Assert.False(pass.IsCompleted);
        duringWait = store.Outbox.Find(OutboxTestActions.Message().Key)!.State;
        time.Advance(TimeSpan.FromSeconds(5));
        var summary = await pass.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(OutboxState.Pending, duringWait);
        Assert.Equal(2, executor.Calls.Count);
        Assert.Equal(1, summary.Done);
        Assert.Equal(OutboxState.Done, store.Outbox.Find(OutboxTestActions.Message().Key)!.State);
    }

    [Fact]
    public async Task A_message_waiting_for_retry_after_when_the_process_dies_is_sent_after_the_restart()
    {
        var throttled = new RecordingExecutor(ActionKinds.TelegramMessage).FailingWith(new ActionNotDoneException("429", TimeSpan.FromSeconds(30)));
        using var crash = new CancellationTokenSource();
        store.Outbox.Enqueue(OutboxTestActions.Message());
        using var crashed = OutboxTestActions.Dispatcher(store, time, throttled);
        var abandoned = crashed.DispatchAsync(crash.Token);

        // The first process dies while waiting; the next one starts after the wait.
        await crash.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(OutboxState.Pending, store.Outbox.Find(OutboxTestActions.Message().Key)!.State);
        time.Advance(TimeSpan.FromSeconds(31));
        var executor = new RecordingExecutor(ActionKinds.TelegramMessage);
        using var restarted = OutboxTestActions.Dispatcher(store, time, executor);
        var summary = await restarted.DispatchAsync(CancellationToken.None);

        Assert.Empty(summary.Ambiguous);
        Assert.Single(executor.Calls);
        Assert.False(Assert.Single(executor.Attempts).MayHaveRun);
        Assert.Equal(OutboxState.Done, store.Outbox.Find(OutboxTestActions.Message().Key)!.State);
    }

    [Fact]
    public async Task A_message_timed_out_inside_the_call_is_ambiguous_while_a_timed_out_comment_is_checked_and_repeated()
    {
        var comment = new PlannedAction(ActionKinds.CrmComment, "comment:42", new CompanyCommentPayload(OutboxTestActions.Company, "Дубликат"), "comment on 42");
        var executor = new RecordingExecutor(ActionKinds.TelegramMessage, ActionKinds.CrmComment)
            .FailingWith(new ActionOutcomeUnknownException("timed out"), new ActionOutcomeUnknownException("timed out"));
        var logger = new ListLogger<OutboxDispatcher>();
        store.Outbox.Enqueue(OutboxTestActions.Message());
        store.Outbox.Enqueue(comment);
        using var dispatcher = OutboxTestActions.Dispatcher(store, time, executor, logger: logger);

        var first = await dispatcher.DispatchAsync(CancellationToken.None);
        var second = await dispatcher.DispatchAsync(CancellationToken.None);

        Assert.Equal(OutboxTestActions.Message().Key, Assert.Single(first.Ambiguous).Key);
        Assert.Equal(1, first.Requeued);
        Assert.Equal(1, second.Done);
        Assert.Equal(3, executor.Calls.Count);
        Assert.True(executor.Attempts[^1].MayHaveRun);
        Assert.Equal(comment.Key, executor.Attempts[^1].Key);
        Assert.Equal(OutboxState.Ambiguous, store.Outbox.Find(OutboxTestActions.Message().Key)!.State);
        Assert.Single(logger.Lines, line => line.Message.Contains("may or may not have been delivered", StringComparison.Ordinal));
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
