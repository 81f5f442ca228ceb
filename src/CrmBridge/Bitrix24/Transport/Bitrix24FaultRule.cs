using System.Text.Json;
using CrmBridge.Bitrix24.Api;
using CrmBridge.Crm.Retry;
using CrmBridge.Foundation;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace CrmBridge.Bitrix24.Transport;

/// <summary>
/// Which Bitrix24 replies are worth another attempt (bitrix24/b24restdocs limits.md, _includes/system-errors.md):
/// no answer, a timeout, a 5xx, an HTML page or a cut body where JSON was due (also under 200, from a proxy or an
/// overloaded portal, fast_bitrix24#216), QUERY_LIMIT_EXCEEDED and OPERATION_TIME_LIMIT. Stop codes and refusals are
/// not: the transport turns them into their exceptions. The rate limits are fed to the leaky bucket and the
/// operating budget here, so the retry waits exactly as long as the portal asks.
/// </summary>
internal sealed class Bitrix24FaultRule(LeakyBucketGate gate, OperatingBudget budget, string host, TimeProvider time, ILogger logger) : ICrmFaultRule
{
    public static readonly HttpRequestOptionsKey<CallSafety> SafetyKey = new(CallSafetyProperty);

    /// <summary>The Refit [Property] key the transport passes a call's <see cref="CallSafety"/> under.</summary>
    public const string CallSafetyProperty = "CrmBridge.Bitrix24.CallSafety";

    public string Crm => "Bitrix24";

    /// <summary>The REST method: the last path segment without ".json" (the webhook secret is earlier in the path).</summary>
    public string Describe(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri?.AbsolutePath ?? "";
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? name[..^".json".Length] : name;
    }

    /// <summary>
    /// The transport says; a call it did not mark is a read when its name says so (batch only carries list commands),
    /// otherwise it is treated as an add that must not be repeated blindly.
    /// </summary>
    public bool IsIdempotent(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(SafetyKey, out var safety))
        {
            return safety == CallSafety.Idempotent;
        }

        var method = Describe(request);
        return method == "batch" || method.EndsWith(".list", StringComparison.Ordinal) || method.EndsWith(".get", StringComparison.Ordinal)
            || method.EndsWith(".fields", StringComparison.Ordinal) || method.EndsWith(".current", StringComparison.Ordinal);
    }

    public async ValueTask<TransientFault?> ClassifyAsync(Outcome<HttpResponseMessage> outcome, HttpRequestMessage request) =>
        outcome.Exception switch
        {
            null when outcome.Result is { } response => await ClassifyAsync(response, request),
            HttpRequestException http when HttpRetries.IsNeverSent(http) => new TransientFault("a refused connection", NotPerformed: true),
            HttpRequestException => new TransientFault("a dropped connection", NotPerformed: false),
            TimeoutRejectedException => new TransientFault("no answer in time", NotPerformed: false),
            _ => null,
        };

    private async ValueTask<TransientFault?> ClassifyAsync(HttpResponseMessage response, HttpRequestMessage request)
    {
        var status = (int)response.StatusCode;
        await response.Content.LoadIntoBufferAsync();
        var body = await response.Content.ReadAsByteArrayAsync();
        if (status is >= 200 and < 300 && JsonScan.IsPlainReply(body))
        {
            // A list reply of a few megabytes: one forward scan proves it whole and free of an error; the transport
            // builds the tree once, not twice.
            return null;
        }

        BitrixError? error;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out _)
                ? root.Deserialize<BitrixError>(BitrixJson.Options)
                : null;
            if (string.Equals(error?.Code, Bitrix24Errors.QueryLimitExceeded, StringComparison.OrdinalIgnoreCase))
            {
                // The portal's bucket is full whatever ours thought (other apps share the IP): the gate makes the
                // next attempt wait for the drain, so no backoff is added on top.
                gate.Saturate();
                return new TransientFault($"{status} {Bitrix24Errors.QueryLimitExceeded}", NotPerformed: true, Wait: TimeSpan.Zero);
            }

            if (string.Equals(error?.Code, Bitrix24Errors.OperationTimeLimit, StringComparison.OrdinalIgnoreCase))
            {
                var until = await BlockAsync(request, root);
                return new TransientFault($"{status} {Bitrix24Errors.OperationTimeLimit}", NotPerformed: true, Wait: until - time.GetUtcNow());
            }
        }
        catch (JsonException)
        {
            // An HTML page or a cut body: worth another attempt when the server or a proxy was struggling, not when a
            // 4xx page refuses the call (the transport reports that).
            var html = response.Content.Headers.ContentType?.MediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true
                || (body.Length > 0 && body[0] == (byte)'<');
            var what = body.Length == 0 ? "an empty body" : html ? "an HTML page" : "a body that is not JSON";
            return status is >= 500 or 429 or (>= 200 and < 300) ? new TransientFault($"{status} with {what}", NotPerformed: false) : null;
        }

        if (status < 500 || Bitrix24Errors.Classify(host, Describe(request), status, error) is Crm.CrmStopException)
        {
            return null;
        }

        return new TransientFault(error?.Code is { Length: > 0 } code ? $"{status} {code}" : $"{status}", NotPerformed: false);
    }

    /// <summary>OPERATION_TIME_LIMIT: the method (each method of a batch) waits for operating_reset_at, or the last one known.</summary>
    private async Task<DateTimeOffset> BlockAsync(HttpRequestMessage request, JsonElement root)
    {
        var reported = root.TryGetProperty("time", out var block) && block.ValueKind == JsonValueKind.Object
            ? block.Deserialize<BitrixTime>(BitrixJson.Options)
            : null;
        DateTimeOffset? until = reported?.OperatingResetAt is { } unix ? DateTimeOffset.FromUnixTimeMilliseconds((long)(unix * 1000)) : null;
        var latest = time.GetUtcNow();
        foreach (var method in await MethodsAsync(request))
        {
            var blockedUntil = budget.Block(method, until);
            logger.MethodBlocked(host, method, blockedUntil);
            latest = blockedUntil > latest ? blockedUntil : latest;
        }

        return latest;
    }

    private async Task<IReadOnlyList<string>> MethodsAsync(HttpRequestMessage request)
    {
        var method = Describe(request);
        if (method != "batch" || request.Content is null)
        {
            return [method];
        }

        var batch = JsonSerializer.Deserialize<BitrixBatchRequest>(await request.Content.ReadAsStringAsync(), BitrixJson.Options);
        return batch?.Commands.Values.Select(c => c.Split('?', 2)[0]).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [method];
    }
}
