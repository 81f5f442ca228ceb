using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace CrmBridge.AmoCrm;

/// <summary>
/// 429 is retried for any method (the server did nothing). Server errors and timeouts are retried only for
/// reads and the owner PATCH, which are idempotent; a POST that may have landed is never repeated blindly.
/// </summary>
internal static class AmoRetryPolicy
{
    public static HttpRetryStrategyOptions Create(AmoCrmOptions options) => new()
    {
        MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
        Delay = options.RetryDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && ShouldRetry(args.Outcome, args.Context.GetRequestMessage())),
    };

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        var idempotent = request?.Method == HttpMethod.Get || request?.Method == HttpMethod.Patch;
        return idempotent && HttpClientResiliencePredicates.IsTransient(outcome);
    }
}
