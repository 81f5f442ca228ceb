using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

/// <summary>crm.status.list row of DEAL_STAGE / DEAL_STAGE_{category}: SEMANTICS null/S/F, EXTRA.SEMANTICS process/success/failure/apology.</summary>
internal sealed record BitrixStatus
{
    [JsonPropertyName("ENTITY_ID")] public string? EntityId { get; init; }

    [JsonPropertyName("STATUS_ID")] public string? StatusId { get; init; }

    [JsonPropertyName("NAME")] public string? Name { get; init; }

    [JsonPropertyName("SORT")] public int Sort { get; init; }

    [JsonPropertyName("CATEGORY_ID")] public string? CategoryId { get; init; }

    [JsonPropertyName("SEMANTICS")] public string? Semantics { get; init; }

    [JsonPropertyName("EXTRA")] public BitrixStatusExtra? Extra { get; init; }
}
