using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

/// <summary>{"error":"CODE","error_description":"text"}; many CRM errors carry an empty code and only a description.</summary>
internal sealed record BitrixError(
    [property: JsonPropertyName("error")] string? Code,
    [property: JsonPropertyName("error_description")] string? Description);
