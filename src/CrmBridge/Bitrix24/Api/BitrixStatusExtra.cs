using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

internal sealed record BitrixStatusExtra([property: JsonPropertyName("SEMANTICS")] string? Semantics);
