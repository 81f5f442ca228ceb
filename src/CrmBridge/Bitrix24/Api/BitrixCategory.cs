using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

/// <summary>crm.category.list entry (camelCase, numbers): a deal pipeline.</summary>
internal sealed record BitrixCategory(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("sort")] int Sort,
    [property: JsonPropertyName("isDefault")] bool IsDefault);
