using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

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
