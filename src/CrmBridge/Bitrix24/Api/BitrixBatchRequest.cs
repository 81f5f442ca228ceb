using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

/// <summary>POST batch body: up to 50 commands "method?query" keyed by non-numeric names.</summary>
internal sealed record BitrixBatchRequest(
    [property: JsonPropertyName("halt")] int Halt,
    [property: JsonPropertyName("cmd")] IReadOnlyDictionary<string, string> Commands);
