using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CrmBridge.Crm.Retry;

/// <summary>
/// The one retry style of both CRMs, on their HttpClients' resilience handler: a request is repeated on a transient
/// fault its CRM's <see cref="ICrmFaultRule"/> names, with exponential backoff and jitter on the TimeProvider, waiting
/// for the vendor's hint where it gives one (Retry-After, a rate limit); a write that may have reached the server is
/// repeated only when the fault proves it did not run. Each retry takes one from the tick's budget
/// (<see cref="CrmTickGate"/>); every attempt is logged at Debug only, the give-up by <see cref="CrmRetryHandler"/>.
/// </summary>
internal static class CrmRetryPolicy
{
    private static readonly ResiliencePropertyKey<TransientFault> LastFault = new("CrmBridge.LastFault");

    public static ResiliencePipelineBuilder<HttpResponseMessage> AddCrmRetry(
        this ResiliencePipelineBuilder<HttpResponseMessage> pipeline,
        CrmRetrySettings settings,
        ICrmFaultRule rule,
        CrmTickGate gate,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(settings);
        pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = Math.Max(settings.MaxRetries, 1),
            Delay = settings.BaseDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ShouldRetryAsync(args, settings, rule, gate),
            DelayGenerator = args => ValueTask.FromResult(Hint(args.Context, args.Outcome.Result, time)),
            OnRetry = args =>
            {
                var fault = args.Context.Properties.GetValue(LastFault, new TransientFault("a fault", false));
                if (args.Context.Properties.TryGetValue(RetryLedger.Key, out var ledger))
                {
                    ledger.Retries++;
                }

                var request = args.Context.GetRequestMessage();
                CrmRetryLog.Retrying(logger, rule.Crm, request is null ? "a request" : rule.Describe(request), fault.Description, args.AttemptNumber + 1, settings.MaxRetries, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        });

        // Inside the retry, so a request that hangs is cut and tried again rather than holding the whole tick.
        if (settings.AttemptTimeout is { } timeout)
        {
            pipeline.AddTimeout(timeout);
        }

        return pipeline;
    }

    private static async ValueTask<bool> ShouldRetryAsync(
        RetryPredicateArguments<HttpResponseMessage> args, CrmRetrySettings settings, ICrmFaultRule rule, CrmTickGate gate)
    {
        var request = args.Context.GetRequestMessage();
        if (request is null || args.Context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        var fault = await rule.ClassifyAsync(args.Outcome, request);
        args.Context.Properties.TryGetValue(RetryLedger.Key, out var ledger);
        ledger?.Final = fault;
        if (fault is null || settings.MaxRetries == 0 || args.AttemptNumber >= settings.MaxRetries)
        {
            return false;
        }

        if (!fault.NotPerformed && !rule.IsIdempotent(request))
        {
            // It may have landed: the outbox decides, after looking for the write's marker (CallSafety, WriteMarker).
            return false;
        }

        if (!gate.TryRetry(fault, rule.Describe(request)))
        {
            ledger?.BudgetSpent = true;
            return false;
        }

        args.Context.Properties.Set(LastFault, fault);
        return true;
    }

    /// <summary>The vendor's wait: the fault's own (a rate limit), else a Retry-After header; null = the backoff.</summary>
    private static TimeSpan? Hint(ResilienceContext context, HttpResponseMessage? response, TimeProvider time)
    {
        if (context.Properties.TryGetValue(LastFault, out var fault) && fault.Wait is { } wait)
        {
            return wait;
        }

        var retryAfter = response?.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        return retryAfter?.Date is { } date ? Max(date - time.GetUtcNow(), TimeSpan.Zero) : null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
