using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

/// <summary>Batch reply: always HTTP 200, per-command outcomes inside.</summary>
internal sealed record BitrixBatchResponse
{
    [JsonPropertyName("result")] public BitrixBatchResult? Result { get; init; }

    [JsonPropertyName("time")] public BitrixTime? Time { get; init; }
}
