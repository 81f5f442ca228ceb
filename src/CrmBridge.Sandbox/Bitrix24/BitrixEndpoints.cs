using System.Text.Json;
using CrmBridge.Sandbox.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrmBridge.Sandbox.Bitrix24;

/// <summary>The inbound-webhook REST: {base}/bitrix24/rest/{user}/{secret}/{method}[.json], GET or POST.</summary>
internal sealed class BitrixEndpoints(SandboxState state, SandboxOptions options, SandboxCounters counters)
{
    private readonly BitrixMethods _methods = new(state, options.BitrixUserId);
    private readonly LeakyBucket _bucket = new(state.Time, options.BitrixBurst, options.BitrixDrainPerSecond);

    public void Map(IEndpointRouteBuilder app) =>
        app.MapMethods("/bitrix24/rest/{user}/{secret}/{method}", ["GET", "POST"], HandleAsync);

    private async Task HandleAsync(HttpContext context, string user, string secret, string method)
    {
        var started = state.Time.GetUtcNow();
        counters.Count(SandboxService.Bitrix24);
        if (user != options.BitrixUserId.ToString(System.Globalization.CultureInfo.InvariantCulture) || secret != options.BitrixSecret)
        {
            await ErrorAsync(context, 401, "NO_AUTH_FOUND", "Wrong authorization data");
            return;
        }

        if (options.RateLimits && !_bucket.TryAdd())
        {
            counters.Reject(SandboxService.Bitrix24);
            await ErrorAsync(context, 503, "QUERY_LIMIT_EXCEEDED", "Too many requests");
            return;
        }

        var name = method.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? method[..^5] : method;
        var body = await SandboxJson.ReadBodyAsync(context.Request);
        BitrixParams parameters;
        try
        {
            parameters = Parse(context.Request, body);
        }
        catch (JsonException)
        {
            await ErrorAsync(context, 400, "INVALID_REQUEST", "Request body is not valid JSON");
            return;
        }

        if (name.Equals("batch", StringComparison.OrdinalIgnoreCase))
        {
            var results = new BitrixBatch(_methods).Run(parameters);
            await SandboxJson.WriteAsync(context, 200, w => WriteBatch(w, results, started));
            return;
        }

        var result = _methods.Call(name, parameters, body);
        if (result.IsError)
        {
            await ErrorAsync(context, result.Status, result.Error!, result.ErrorDescription!);
            return;
        }

        await SandboxJson.WriteAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("result");
            WriteResult(w, result);
            if (result.Next is { } next)
            {
                w.WriteNumber("next", next);
            }

            if (result.Total is { } total)
            {
                w.WriteNumber("total", total);
            }

            BitrixJson.WriteTime(w, started, state.Time.GetUtcNow(), state.Offset, 0.01);
            w.WriteEndObject();
        });
    }

    private static BitrixParams Parse(HttpRequest request, string body)
    {
        if (body.Length > 0 && request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var document = JsonDocument.Parse(body);
            return BitrixParams.FromJson(document.RootElement.Clone());
        }

        return BitrixParams.FromQuery(body.Length > 0 ? body : request.QueryString.Value?.TrimStart('?') ?? "");
    }

    private static void WriteResult(Utf8JsonWriter w, BitrixCallResult result)
    {
        if (result.Value is IEnumerable<BitrixRow> rows)
        {
            w.WriteStartArray();
            foreach (var row in rows)
            {
                row.Write(w, result.Select);
            }

            w.WriteEndArray();
        }
        else if (result.Value is IDictionary<string, object?> { Count: 1 } wrapper && wrapper.Values.Single() is IEnumerable<BitrixRow> items)
        {
            w.WriteStartObject();
            w.WritePropertyName(wrapper.Keys.Single());
            WriteResult(w, result with { Value = items });
            w.WriteEndObject();
        }
        else
        {
            BitrixJson.WriteValue(w, result.Value);
        }
    }

    private void WriteBatch(Utf8JsonWriter w, IReadOnlyList<(string Key, BitrixCallResult Result)> results, DateTimeOffset started)
    {
        var ok = results.Where(r => !r.Result.IsError).ToList();
        var failed = results.Where(r => r.Result.IsError).ToList();
        w.WriteStartObject();
        w.WriteStartObject("result");
        WriteSection(w, "result", ok, r => WriteResult(w, r));
        WriteSection(w, "result_error", failed, r =>
        {
            w.WriteStartObject();
            w.WriteString("error", r.Error);
            w.WriteString("error_description", r.ErrorDescription);
            w.WriteEndObject();
        });
        WriteSection(w, "result_total", ok.Where(r => r.Result.Total is not null).ToList(), r => w.WriteNumberValue(r.Total!.Value));
        WriteSection(w, "result_next", ok.Where(r => r.Result.Next is not null).ToList(), r => w.WriteNumberValue(r.Next!.Value));
        WriteSection(w, "result_time", ok, _ => BitrixJson.WriteTime(w, started, state.Time.GetUtcNow(), state.Offset, 0.01, name: null));
        w.WriteEndObject();
        BitrixJson.WriteTime(w, started, state.Time.GetUtcNow(), state.Offset, 0.01);
        w.WriteEndObject();
    }

    /// <summary>Empty sections are [] as real replies show; filled ones are keyed by command.</summary>
    private static void WriteSection(Utf8JsonWriter w, string name, List<(string Key, BitrixCallResult Result)> items, Action<BitrixCallResult> write)
    {
        if (items.Count == 0)
        {
            w.WriteStartArray(name);
            w.WriteEndArray();
            return;
        }

        w.WriteStartObject(name);
        foreach (var (key, result) in items)
        {
            w.WritePropertyName(key);
            write(result);
        }

        w.WriteEndObject();
    }

    private static Task ErrorAsync(HttpContext context, int status, string error, string description) =>
        SandboxJson.WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("error", error);
            w.WriteString("error_description", description);
            w.WriteEndObject();
        });
}
