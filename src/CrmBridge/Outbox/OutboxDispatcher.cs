using CrmBridge.Foundation;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBridge.Outbox;

/// <summary>
/// Runs due outbox actions. An action is Running (persisted) only across the call that performs it, then settled:
/// Done; Failed (for good); Pending again when it provably did not happen (no request left, an error status, a wait
/// hint such as Telegram's retry_after); and when the outcome is unknown (a timeout inside the call, or a crash found
/// Running on the first pass of a process) Pending with <see cref="OutboxEntry.MayHaveRun"/> for kinds that may repeat
/// (idempotent, or marked and checked first), Ambiguous for the rest (messages: listed, never resent blindly).
/// Short wait hints are waited out within the pass on the TimeProvider. Register as a singleton: one pass at a time.
/// </summary>
internal sealed class OutboxDispatcher(
    TimeProvider time,
    IEnumerable<IActionExecutor> executors,
    IOutboxStore outbox,
    AuditLog audit,
    IOptions<RunOptions> run,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : IDisposable
{
    private const int MaxErrorLength = 500;
    private readonly IReadOnlyList<IActionExecutor> executors = [.. executors];
    private readonly SemaphoreSlim onePass = new(1, 1);
    private bool recovered;

    public async Task<DispatchSummary> DispatchAsync(CancellationToken cancellationToken)
    {
        await onePass.WaitAsync(cancellationToken);
        try
        {
            var pass = new Pass();
            if (!recovered)
            {
                foreach (var entry in outbox.List(OutboxState.Running))
                {
                    Settle(entry, "the process stopped during the call", pass);
                }

                recovered = true;
            }

            for (var round = 0; ; round++)
            {
                pass.HintedUntil = null;
                foreach (var entry in outbox.Due(time.GetUtcNow()))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await RunAsync(entry, pass, cancellationToken);
                }

                // A service's short wait hint (Telegram retry_after) is waited out here, the action Pending meanwhile,
                // so a crash during the wait loses nothing and the message still goes out in this pass.
                if (pass.HintedUntil is not { } until || round >= options.Value.MaxWaitRounds)
                {
                    break;
                }

                var wait = until - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    logger.WaitingForHint(wait);
                    await Task.Delay(wait, time, cancellationToken);
                }
            }

            return pass.Summary;
        }
        finally
        {
            onePass.Release();
        }
    }

    public void Dispose() => onePass.Dispose();

    private async Task RunAsync(OutboxEntry entry, Pass pass, CancellationToken cancellationToken)
    {
        if (run.Value.DryRun)
        {
            outbox.Save(entry with { State = OutboxState.DryRun, UpdatedAt = time.GetUtcNow() });
            Audit(entry, AuditOutcomes.DryRun, entry.Summary);
            logger.ActionDryRun(entry.Kind, entry.Key, entry.Summary);
            pass.Summary = pass.Summary with { DryRun = pass.Summary.DryRun + 1 };
            return;
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
            Fail(entry, ex.Message, null, pass);
            return;
        }

        var running = entry with { State = OutboxState.Running, Attempts = entry.Attempts + 1, NextAttemptAt = null, UpdatedAt = time.GetUtcNow() };
        outbox.Save(running);
        try
        {
            await executor.ExecuteAsync(new ActionAttempt(entry.Kind, entry.Key, payload, entry.MayHaveRun), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-call is a crash we can see: settle it the way the next start would.
            Settle(running, "the process was stopped during the call", pass);
            throw;
        }
        catch (PermanentActionException ex)
        {
            Fail(running, ex.Message, ex, pass);
            return;
        }
        catch (ServiceStoppedException ex)
        {
            Postpone(entry, ex, pass);
            return;
        }
        catch (ActionNotDoneException ex)
        {
            Retry(running, ex.Message, ex.RetryAfter, mayHaveRun: running.MayHaveRun, pass);
            return;
        }
        catch (Exception ex)
        {
            // A timeout inside the call, or anything an executor did not classify: it may have happened.
            Settle(running, Shorten(ex.Message), pass);
            return;
        }

        outbox.Save(running with { State = OutboxState.Done, LastError = null, MayHaveRun = false, UpdatedAt = time.GetUtcNow() });
        Audit(running, AuditOutcomes.Done, null);
        logger.ActionDone(running.Kind, running.Key, running.Summary);
        pass.Summary = pass.Summary with { Done = pass.Summary.Done + 1 };
    }

    /// <summary>An attempt whose outcome is unknown: repeated (checking first) when its kind allows, else listed as Ambiguous.</summary>
    private void Settle(OutboxEntry entry, string cause, Pass pass)
    {
        var now = time.GetUtcNow();
        if (ActionKinds.Of(entry.Kind).MayRepeat)
        {
            outbox.Save(entry with { State = OutboxState.Pending, NextAttemptAt = null, MayHaveRun = true, LastError = cause, UpdatedAt = now });
            Audit(entry, AuditOutcomes.Requeued, $"{cause}; queued again, checked before it writes");
            logger.ActionRequeued(entry.Kind, entry.Key, cause);
            pass.Summary = pass.Summary with { Requeued = pass.Summary.Requeued + 1 };
            return;
        }

        var ambiguous = entry with { State = OutboxState.Ambiguous, NextAttemptAt = null, LastError = cause, UpdatedAt = now };
        outbox.Save(ambiguous);
        Audit(entry, AuditOutcomes.Ambiguous, $"{cause}; it may or may not have been delivered, so it is not sent again");
        logger.ActionAmbiguous(entry.Kind, entry.Key, cause, entry.Summary);
        pass.Summary = pass.Summary with { Ambiguous = [.. pass.Summary.Ambiguous, ambiguous] };
    }

    /// <summary>
    /// The service is stopped for this tick: the action goes back as it was (no attempt counted, nothing happened) and
    /// the stop is said once per service and pass.
    /// </summary>
    private void Postpone(OutboxEntry entry, ServiceStoppedException stop, Pass pass)
    {
        var message = Shorten(stop.Message);
        outbox.Save(entry with { State = OutboxState.Pending, LastError = message, UpdatedAt = time.GetUtcNow() });
        Audit(entry, AuditOutcomes.Retry, $"not attempted: {message}");
        if (pass.Stopped.Add(stop.Service))
        {
            logger.ServiceStopped(stop.Service, message);
        }

        pass.Summary = pass.Summary with { Retrying = pass.Summary.Retrying + 1 };
    }

    private void Retry(OutboxEntry running, string reason, TimeSpan? hint, bool mayHaveRun, Pass pass)
    {
        var settings = options.Value;
        var message = Shorten(reason);
        if (!ActionKinds.Of(running.Kind).MayRepeat && running.Attempts >= settings.MaxAttempts)
        {
            Fail(running, $"gave up after {running.Attempts} attempts: {message}", null, pass);
            return;
        }

        var now = time.GetUtcNow();
        var nextAttemptAt = now + (hint ?? RetryBackoff.Delay(running.Attempts, settings.RetryBaseDelay, settings.RetryMaxDelay, Random.Shared.NextDouble()));
        outbox.Save(running with { State = OutboxState.Pending, NextAttemptAt = nextAttemptAt, LastError = message, MayHaveRun = mayHaveRun, UpdatedAt = now });
        Audit(running, AuditOutcomes.Retry, $"attempt {running.Attempts} did not go through: {message}; next at {nextAttemptAt:O}");
        logger.ActionRetrying(running.Kind, running.Key, running.Attempts, message, nextAttemptAt);
        pass.Summary = pass.Summary with { Retrying = pass.Summary.Retrying + 1 };
        if (hint is { } wait && wait <= settings.MaxHintWait && (pass.HintedUntil is null || nextAttemptAt < pass.HintedUntil))
        {
            pass.HintedUntil = nextAttemptAt;
        }
    }

    private void Fail(OutboxEntry entry, string reason, Exception? error, Pass pass)
    {
        var message = Shorten(reason);
        outbox.Save(entry with { State = OutboxState.Failed, LastError = message, NextAttemptAt = null, UpdatedAt = time.GetUtcNow() });
        Audit(entry, AuditOutcomes.Failed, message);

        // Expected refusals carry their reason in words; a stack trace would only bury it.
        logger.ActionFailed(error is PermanentActionException ? null : error, entry.Kind, entry.Key, message);
        pass.Summary = pass.Summary with { Failed = pass.Summary.Failed + 1 };
    }

    private void Audit(OutboxEntry entry, string outcome, string? detail) =>
        audit.Append(new AuditEntry(time.GetUtcNow(), entry.Key, entry.Kind, outcome, detail));

    private static string Shorten(string text) => text.Length <= MaxErrorLength ? text : string.Concat(text.AsSpan(0, MaxErrorLength), "…");

    private sealed class Pass
    {
        public DispatchSummary Summary { get; set; } = new();

        /// <summary>The earliest moment a service asked us to wait for, when short enough to wait within the pass.</summary>
        public DateTimeOffset? HintedUntil { get; set; }

        /// <summary>Services that said stop during this pass (reported once each).</summary>
        public HashSet<string> Stopped { get; } = new(StringComparer.Ordinal);
    }
}
