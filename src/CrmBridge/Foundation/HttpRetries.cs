using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace CrmBridge.Foundation;

/// <summary>
/// The retry strategies of the HTTP clients, all on Polly (Microsoft.Extensions.Http.Resilience), exponential with
/// jitter, on the TimeProvider the host registers (FakeTimeProvider in tests).
/// </summary>
internal static class HttpRetries
{
    /// <summary>
    /// Only a request that never reached the server (no connection, no name, no TLS) is repeated: safe for any method,
    /// even a message Telegram would deliver twice.
    /// </summary>
    public static HttpRetryStrategyOptions NeverSent(int attempts = 3) => new()
    {
        MaxRetryAttempts = attempts,
        Delay = TimeSpan.FromSeconds(1),
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldRetryAfterHeader = false,
        ShouldHandle = args => ValueTask.FromResult(IsNeverSent(args.Outcome.Exception)),
    };

    public static bool IsNeverSent(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError };
}
