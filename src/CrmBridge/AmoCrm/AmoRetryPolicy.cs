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
        ShouldHandle = async args => options.MaxRetries > 0
            && (ShouldRetry(args.Outcome, args.Context.GetRequestMessage()) || await IsGarbledReadAsync(args.Outcome, args.Context.GetRequestMessage())),
    };

    /// <summary>
    /// A read answered 2xx with a body that is not JSON (an HTML page from a proxy, a cut or empty body): the next attempt is
    /// likely fine. The body is buffered so the caller can still read it when the retries run out.
    /// </summary>
    private static async ValueTask<bool> IsGarbledReadAsync(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (request?.Method != HttpMethod.Get || outcome.Result is not { IsSuccessStatusCode: true, StatusCode: not HttpStatusCode.NoContent } response)
        {
            return false;
        }

        await response.Content.LoadIntoBufferAsync();
        var body = await response.Content.ReadAsByteArrayAsync();
        if (body.Length == 0)
        {
            // amoCRM answers an empty list with 204; a 200 without a body is a cut answer.
            return true;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(body);
            return false;
        }
        catch (System.Text.Json.JsonException)
        {
            return true;
        }
    }

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
