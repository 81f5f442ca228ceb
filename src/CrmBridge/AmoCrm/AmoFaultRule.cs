using System.Net;
using System.Text.Json;
using CrmBridge.Crm.Retry;
using CrmBridge.Foundation;
using Polly;
using Polly.Timeout;

namespace CrmBridge.AmoCrm;

/// <summary>
/// Which amoCRM replies are worth another attempt: 429 for any method (the server did nothing; its body may not be JSON,
/// amocrm-api-php AmoCRMApiRequest), a refused connection for any method, and for reads and the owner PATCH (idempotent)
/// also 5xx, 408, a dropped connection, a timeout and a 2xx body that is not JSON (a proxy's HTML page, a cut body).
/// 403 and 402 never get here as replies: <see cref="AmoRateGateHandler"/> turns them into a stop.
/// </summary>
internal sealed class AmoFaultRule : ICrmFaultRule
{
    public string Crm => "amoCRM";

    public string Describe(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Method.Method} {request.RequestUri?.AbsolutePath}";
    }

    public bool IsIdempotent(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Method == HttpMethod.Get || request.Method == HttpMethod.Patch;
    }

    public async ValueTask<TransientFault?> ClassifyAsync(Outcome<HttpResponseMessage> outcome, HttpRequestMessage request) =>
        outcome.Exception switch
        {
            null when outcome.Result is { } response => await ClassifyAsync(response),
            HttpRequestException http when HttpRetries.IsNeverSent(http) => new TransientFault("a refused connection", NotPerformed: true),
            HttpRequestException => new TransientFault("a dropped connection", NotPerformed: false),
            TimeoutRejectedException => new TransientFault("no answer in time", NotPerformed: false),
            _ => null,
        };

    private static async ValueTask<TransientFault?> ClassifyAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new TransientFault("429 Too Many Requests", NotPerformed: true);
        }

        if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
        {
            return new TransientFault($"{status} {response.ReasonPhrase}", NotPerformed: false);
        }

        if (!response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NoContent)
        {
            // amoCRM answers an empty list with 204 and no body; other refusals are the caller's to report.
            return null;
        }

        await response.Content.LoadIntoBufferAsync();
        var body = await response.Content.ReadAsByteArrayAsync();
        if (body.Length == 0)
        {
            return new TransientFault($"{status} with an empty body", NotPerformed: false);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return null;
        }
        catch (JsonException)
        {
            var html = response.Content.Headers.ContentType?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true || body[0] == (byte)'<';
            return new TransientFault($"{status} with {(html ? "an HTML page" : "a body that is not JSON")}", NotPerformed: false);
        }
    }
}
