using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmBridge.Bitrix24.Api;
using CrmBridge.Crm;
using CrmBridge.Crm.Retry;
using CrmBridge.Foundation;
using Microsoft.Extensions.DependencyInjection;
using Polly.Timeout;
using Refit;

namespace CrmBridge.Bitrix24.Transport;

/// <summary>
/// Every call to one portal: the operating budget before it, and the error envelope after it, including HTML bodies
/// where JSON was expected. Retries, the leaky bucket and the tick's retry budget live on the HttpClient
/// (<see cref="Bitrix24ServiceCollectionExtensions"/>, <see cref="CrmRetryPolicy"/>): what arrives here is the last
/// attempt's reply.
/// </summary>
internal sealed class Bitrix24Transport(
    IBitrix24Api api,
    Bitrix24Webhook webhook,
    LeakyBucketGate gate,
    OperatingBudget budget,
    [FromKeyedServices(Bitrix24ServiceCollectionExtensions.Key)] CrmTickGate tick)
{
    public string Host => webhook.Host;

    /// <summary>HTTP requests sent so far (a batch counts once, as the portal counts it).</summary>
    public int Requests => (int)gate.Issued;

    /// <summary>The tick's retry budget and stop; the connector starts a new tick with each sync.</summary>
    public CrmTickGate Tick => tick;

    public async Task<BitrixReply> CallAsync(string method, JsonObject parameters, CallSafety safety, CancellationToken cancellationToken)
    {
        await budget.WaitAsync(method, cancellationToken);
        var root = await SendAsync(method, () => api.CallAsync(method, (JsonObject)parameters.DeepClone(), safety, cancellationToken), cancellationToken);
        var reply = new BitrixReply(
            root.TryGetProperty("result", out var result) ? result : default,
            root.TryGetProperty("time", out var timeBlock) ? timeBlock.Deserialize<BitrixTime>(BitrixJson.Options) : null);
        budget.Observe(method, reply.Time);
        return reply;
    }

    /// <summary>Sends read commands as one batch (one request for the bucket) and maps each command's outcome.</summary>
    public async Task<BatchReply> BatchAsync(IReadOnlyList<BatchCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var request = new BitrixBatchRequest(0, commands.ToDictionary(c => c.Key, c => c.Text, StringComparer.Ordinal));
        foreach (var method in commands.Select(c => c.Method).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await budget.WaitAsync(method, cancellationToken);
        }

        var root = await SendAsync("batch", () => api.BatchAsync(request, cancellationToken), cancellationToken);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new Bitrix24Exception($"Bitrix24 portal {Host}: batch answered an empty body.");
        }

        return BatchReplyReader.Read(Host, commands, BatchReplyReader.Envelope(root), budget);
    }

    private async Task<JsonElement> SendAsync(string method, Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (Exception ex)
        {
            throw NoAnswer(method, ex is ApiRequestException { InnerException: { } inner } ? inner : ex, cancellationToken);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            // Parsed once, from the bytes: a batch reply is megabytes, and the tree is what every reader walks.
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            JsonElement root;
            try
            {
                root = JsonSerializer.Deserialize<JsonElement>(body);
            }
            catch (JsonException)
            {
                var mediaType = response.Content.Headers.ContentType?.MediaType ?? "no content type";
                var text = $"Bitrix24 portal {Host}: {method} answered HTTP {status} with a body that is not JSON ({mediaType}, {System.Text.Encoding.UTF8.GetCharCount(body)} chars).";
                throw status is >= 500 or 429 or (>= 200 and < 300)
                    ? new Bitrix24TransientException(text, false, status)
                    : new Bitrix24Exception(text, status);
            }

            var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out _)
                ? root.Deserialize<BitrixError>(BitrixJson.Options)
                : null;
            var failure = Bitrix24Errors.Classify(Host, method, status, error);
            if (failure is CrmStopException stop)
            {
                // A stop code holds for every later call this tick, write-backs included.
                tick.Stop(stop.Message);
            }

            return failure is null ? root : throw failure;
        }
    }

    /// <summary>The last attempt got no reply: a broken or refused connection, a timeout, or a stop from the retry handler.</summary>
    private Exception NoAnswer(string method, Exception cause, CancellationToken cancellationToken)
    {
        switch (cause)
        {
            case HttpRequestException http:
                return new Bitrix24TransientException($"Bitrix24 portal {Host}: {method} got no answer ({webhook.Redact(http.Message)}).", HttpRetries.IsNeverSent(http));
            case TimeoutRejectedException:
            case OperationCanceledException when !cancellationToken.IsCancellationRequested:
                return new Bitrix24TransientException($"Bitrix24 portal {Host}: {method} timed out.", false);
            default:
                ExceptionDispatchInfo.Throw(cause);
                return cause;
        }
    }
}
