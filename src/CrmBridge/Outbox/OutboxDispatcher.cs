using CrmBridge.Foundation;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBridge.Outbox;

/// <summary>
/// Runs due outbox actions. An action is marked Running (persisted) before its side effect starts and Done or
/// Failed after, so a crash leaves evidence: on the first pass of a process, Running CRM updates go back to Pending
/// (they are idempotent) and Running messages become Interrupted (reported, never resent).
/// Retries are scheduled through NextAttemptAt; nothing here sleeps. Register as a singleton: one pass at a time.
/// </summary>
internal sealed class OutboxDispatcher(
    TimeProvider time,
    IEnumerable<IActionExecutor> executors,
    IOutboxStore outbox,
    IAuditLog audit,
    IOptions<RunOptions> run,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : IDisposable
{
    private const int MaxErrorLength = 500;
    private readonly IReadOnlyList<IActionExecutor> executors = [.. executors];
    private readonly SemaphoreSlim onePass = new(1, 1);
    private bool recovered;

    /// <summary>CRM writes are idempotent (setting an owner twice is harmless), so they may run again after a crash.</summary>
    public static bool IsCrmUpdate(string kind) => kind.StartsWith("crm.", StringComparison.Ordinal);

    public async Task<DispatchSummary> DispatchAsync(CancellationToken cancellationToken)
    {
        await onePass.WaitAsync(cancellationToken);
        try
        {
            var summary = new DispatchSummary();
            if (!recovered)
            {
                summary = Recover(summary);
                recovered = true;
            }

            foreach (var entry in outbox.Due(time.GetUtcNow()))
            {
                cancellationToken.ThrowIfCancellationRequested();
                summary = await RunAsync(entry, summary, cancellationToken);
            }

            return summary;
        }
        finally
        {
            onePass.Release();
        }
    }

    public void Dispose() => onePass.Dispose();

    private DispatchSummary Recover(DispatchSummary summary)
    {
        foreach (var entry in outbox.List(OutboxState.Running))
        {
            summary = Recover(entry, summary);
        }

        return summary;
    }

    private DispatchSummary Recover(OutboxEntry entry, DispatchSummary summary)
    {
        var now = time.GetUtcNow();
        if (IsCrmUpdate(entry.Kind))
        {
            outbox.Save(entry with { State = OutboxState.Pending, NextAttemptAt = null, UpdatedAt = now });
            Audit(entry, AuditOutcomes.Requeued, "was running when the process stopped; queued again");
            logger.ActionRequeued(entry.Kind, entry.Key);
            return summary with { Requeued = summary.Requeued + 1 };
        }

        var interrupted = entry with { State = OutboxState.Interrupted, UpdatedAt = now };
        outbox.Save(interrupted);
        Audit(entry, AuditOutcomes.Interrupted, "the send was cut by a restart; it may or may not have been delivered, so it is not sent again");
        logger.ActionInterrupted(entry.Kind, entry.Key, entry.Summary);
        return summary with { Interrupted = [.. summary.Interrupted, interrupted] };
    }

    private async Task<DispatchSummary> RunAsync(OutboxEntry entry, DispatchSummary summary, CancellationToken cancellationToken)
    {
        if (run.Value.DryRun)
        {
            outbox.Save(entry with { State = OutboxState.DryRun, UpdatedAt = time.GetUtcNow() });
            Audit(entry, AuditOutcomes.DryRun, entry.Summary);
            logger.ActionDryRun(entry.Kind, entry.Key, entry.Summary);
            return summary with { DryRun = summary.DryRun + 1 };
        }

        IActionExecutor executor;
        object payload;
        try
        {
            executor = executors.FirstOrDefault(e => e.CanExecute(entry.Kind))
                ?? throw new PermanentActionException($"No executor handles '{entry.Kind}'; is that feature configured?");
            payload = OutboxPayloadSerializer.Deserialize(entry.PayloadType, entry.PayloadJson);
        }
        catch (PermanentActionException ex)
        {
            return Fail(entry, ex.Message, null, summary);
        }

        var running = entry with { State = OutboxState.Running, Attempts = entry.Attempts + 1, NextAttemptAt = null, UpdatedAt = time.GetUtcNow() };
        outbox.Save(running);
        try
        {
            await executor.ExecuteAsync(entry.Kind, payload, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-action is a crash we can see: settle it the way the next start would.
            Recover(running, summary);
            throw;
        }
        catch (PermanentActionException ex)
        {
            return Fail(running, ex.Message, ex, summary);
        }
        catch (Exception ex)
        {
            // Any other failure is transient by the IActionExecutor contract.
            return RetryOrFail(running, ex, summary);
        }

        outbox.Save(running with { State = OutboxState.Done, LastError = null, UpdatedAt = time.GetUtcNow() });
        Audit(running, AuditOutcomes.Done, null);
        logger.ActionDone(running.Kind, running.Key, running.Summary);
        return summary with { Done = summary.Done + 1 };
    }

    private DispatchSummary RetryOrFail(OutboxEntry running, Exception error, DispatchSummary summary)
    {
        var settings = options.Value;
        if (!IsCrmUpdate(running.Kind) && running.Attempts >= settings.MaxAttempts)
        {
            return Fail(running, $"gave up after {running.Attempts} attempts: {error.Message}", error, summary);
        }

        var delay = RetryBackoff.Delay(running.Attempts, settings.RetryBaseDelay, settings.RetryMaxDelay, Random.Shared.NextDouble());
        var nextAttemptAt = time.GetUtcNow() + delay;
        var message = Shorten(error.Message);
        outbox.Save(running with { State = OutboxState.Pending, NextAttemptAt = nextAttemptAt, LastError = message, UpdatedAt = time.GetUtcNow() });
        Audit(running, AuditOutcomes.Retry, $"attempt {running.Attempts} failed: {message}; next at {nextAttemptAt:O}");
        logger.ActionRetrying(error, running.Kind, running.Key, running.Attempts, nextAttemptAt);
        return summary with { Retrying = summary.Retrying + 1 };
    }

    private DispatchSummary Fail(OutboxEntry entry, string reason, Exception? error, DispatchSummary summary)
    {
        var message = Shorten(reason);
        outbox.Save(entry with { State = OutboxState.Failed, LastError = message, NextAttemptAt = null, UpdatedAt = time.GetUtcNow() });
        Audit(entry, AuditOutcomes.Failed, message);
        logger.ActionFailed(error, entry.Kind, entry.Key, message);
        return summary with { Failed = summary.Failed + 1 };
    }

    private void Audit(OutboxEntry entry, string outcome, string? detail) =>
        audit.Append(new AuditEntry(time.GetUtcNow(), entry.Key, entry.Kind, outcome, detail));

    private static string Shorten(string text) => text.Length <= MaxErrorLength ? text : string.Concat(text.AsSpan(0, MaxErrorLength), "…");
}
