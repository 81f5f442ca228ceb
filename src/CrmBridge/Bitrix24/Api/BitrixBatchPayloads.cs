using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

// The batch call (POST batch): the request, the reply envelope, its per-command maps, and the error shape.

/// <summary>POST batch body: up to 50 commands "method?query" keyed by non-numeric names.</summary>
internal sealed record BitrixBatchRequest(
    [property: JsonPropertyName("halt")] int Halt,
    [property: JsonPropertyName("cmd")] IReadOnlyDictionary<string, string> Commands);

/// <summary>Batch reply: always HTTP 200, per-command outcomes inside.</summary>
internal sealed record BitrixBatchResponse
{
    [JsonPropertyName("result")] public BitrixBatchResult? Result { get; init; }

    [JsonPropertyName("time")] public BitrixTime? Time { get; init; }
}

/// <summary>The inner "result" of a batch reply; every map may arrive as {} or [].</summary>
internal sealed record BitrixBatchResult
{
    [JsonPropertyName("result")] public BitrixKeyedValues Result { get; init; } = BitrixKeyedValues.Empty;

    [JsonPropertyName("result_error")] public BitrixKeyedValues Errors { get; init; } = BitrixKeyedValues.Empty;

    [JsonPropertyName("result_total")] public BitrixKeyedValues Totals { get; init; } = BitrixKeyedValues.Empty;

    [JsonPropertyName("result_next")] public BitrixKeyedValues Next { get; init; } = BitrixKeyedValues.Empty;

    [JsonPropertyName("result_time")] public BitrixKeyedValues Times { get; init; } = BitrixKeyedValues.Empty;

    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>A batch map as it came: keyed by command, or (PHP quirk) a keyless list.</summary>
internal sealed record BitrixKeyedValues(IReadOnlyDictionary<string, JsonElement> Keyed, IReadOnlyList<JsonElement> Keyless)
{
    public static BitrixKeyedValues Empty { get; } = new(new Dictionary<string, JsonElement>(), []);
}

/// <summary>{"error":"CODE","error_description":"text"}; many CRM errors carry an empty code and only a description.</summary>
internal sealed record BitrixError(
    [property: JsonPropertyName("error")] string? Code,
    [property: JsonPropertyName("error_description")] string? Description);
