using System.Text.Json;
using System.Text.Json.Nodes;
using CrmBridge.Bitrix24.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace CrmBridge.Bitrix24.Transport;

/// <summary>
/// Every HTTP call to one portal: the rate gate, the operating budget, retries with jitter (Polly, on the
/// TimeProvider), and the error envelope, including HTML bodies where JSON was expected.
/// </summary>
internal sealed class Bitrix24Transport
{
    private readonly IBitrix24Api api;
    private readonly Bitrix24Webhook webhook;
    private readonly LeakyBucketGate gate;
    private readonly OperatingBudget budget;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ResiliencePipeline idempotentPipeline;
    private readonly ResiliencePipeline unsafePipeline;
    private int requests;

    public Bitrix24Transport(
        IBitrix24Api api,
        Bitrix24Webhook webhook,
        LeakyBucketGate gate,
        OperatingBudget budget,
        IOptions<Bitrix24Options> options,
        TimeProvider time,
        ILogger<Bitrix24Transport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.api = api;
        this.webhook = webhook;
        this.gate = gate;
        this.budget = budget;
        this.time = time;
        this.logger = logger;
        idempotentPipeline = BuildPipeline(options.Value, time, ex => true);
        unsafePipeline = BuildPipeline(options.Value, time, ex => ex.RejectedBeforeExecution);
    }

    public string Host => webhook.Host;

    /// <summary>HTTP requests sent so far (a batch counts once, as the portal counts it).</summary>
    public int Requests => Volatile.Read(ref requests);

    public async Task<BitrixReply> CallAsync(string method, JsonObject parameters, CallSafety safety, CancellationToken cancellationToken)
    {
        var pipeline = safety == CallSafety.Idempotent ? idempotentPipeline : unsafePipeline;
        return await pipeline.ExecuteAsync(
            async token =>
            {
                await budget.WaitAsync(method, token);
                var root = await SendAsync(method, [method], () => api.CallAsync(method, (JsonObject)parameters.DeepClone(), token), token);
                var reply = new BitrixReply(
                    root.TryGetProperty("result", out var result) ? result : default,
                    root.TryGetProperty("time", out var timeBlock) ? timeBlock.Deserialize<BitrixTime>(BitrixJson.Options) : null);
                budget.Observe(method, reply.Time);
                return reply;
            },
            cancellationToken);
    }

    /// <summary>Sends read commands as one batch (one request for the bucket) and maps each command's outcome.</summary>
    public async Task<BatchReply> BatchAsync(IReadOnlyList<BatchCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var request = new BitrixBatchRequest(0, commands.ToDictionary(c => c.Key, c => c.Text, StringComparer.Ordinal));
        var methods = commands.Select(c => c.Method).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return await idempotentPipeline.ExecuteAsync(
            async token =>
            {
                foreach (var method in methods)
                {
                    await budget.WaitAsync(method, token);
                }

                var root = await SendAsync("batch", methods, () => api.BatchAsync(request, token), token);
                var response = root.Deserialize<BitrixBatchResponse>(BitrixJson.Options)
                    ?? throw new Bitrix24Exception($"Bitrix24 portal {Host}: batch answered an empty body.");
                return BatchReplyReader.Read(Host, commands, response.Result ?? new BitrixBatchResult(), budget);
            },
            cancellationToken);
    }

    private async Task<JsonElement> SendAsync(string method, IReadOnlyList<string> budgetMethods, Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        Interlocked.Increment(ref requests);
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (HttpRequestException ex)
        {
            throw new Bitrix24TransientException($"Bitrix24 portal {Host}: {method} got no answer ({webhook.Redact(ex.Message)}).", false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Bitrix24TransientException($"Bitrix24 portal {Host}: {method} timed out.", false);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            JsonElement root;
            try
            {
                root = JsonSerializer.Deserialize<JsonElement>(body);
            }
            catch (JsonException)
            {
                var mediaType = response.Content.Headers.ContentType?.MediaType ?? "no content type";
                var text = $"Bitrix24 portal {Host}: {method} answered HTTP {status} with a body that is not JSON ({mediaType}, {body.Length} chars).";

                // A 200 with an HTML or cut body comes from a proxy or an overloaded portal (fast_bitrix24#216): retry it.
                throw status is >= 500 or 429 or (>= 200 and < 300)
                    ? new Bitrix24TransientException(text, false, status)
                    : new Bitrix24Exception(text, status);
            }

            var error = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out _)
                ? root.Deserialize<BitrixError>(BitrixJson.Options)
                : null;
            var failure = Bitrix24Errors.Classify(Host, method, status, error);
            if (failure is Bitrix24TransientException { ErrorCode: var code })
            {
                OnLimit(code, budgetMethods, root);
            }

            return failure is null ? root : throw failure;
        }
    }

    private void OnLimit(string? code, IReadOnlyList<string> methods, JsonElement root)
    {
        if (string.Equals(code, Bitrix24Errors.QueryLimitExceeded, StringComparison.OrdinalIgnoreCase))
        {
            gate.Saturate();
        }
        else if (string.Equals(code, Bitrix24Errors.OperationTimeLimit, StringComparison.OrdinalIgnoreCase))
        {
            var reported = root.TryGetProperty("time", out var block) ? block.Deserialize<BitrixTime>(BitrixJson.Options) : null;
            var until = reported?.OperatingResetAt is { } unix ? DateTimeOffset.FromUnixTimeMilliseconds((long)(unix * 1000)) : (DateTimeOffset?)null;
            foreach (var method in methods)
            {
                var blockedUntil = budget.Block(method, until);
                logger.MethodBlocked(Host, method, blockedUntil);
            }
        }
    }

    private ResiliencePipeline BuildPipeline(Bitrix24Options options, TimeProvider timeProvider, Func<Bitrix24TransientException, bool> mayRetry)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is Bitrix24TransientException transient && mayRetry(transient)),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,

                // The gate and the operating budget already wait for the portal's own hints; no extra pause on top.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is Bitrix24TransientException { RejectedBeforeExecution: true } ? TimeSpan.Zero : (TimeSpan?)null),
                OnRetry = args =>
                {
                    logger.Retrying(Host, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message ?? "");
                    return ValueTask.CompletedTask;
                },
            });
        }

        return builder.Build();
    }
}
