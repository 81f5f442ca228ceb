using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

// Pipelines (crm.category.list), stages (crm.status.list) and stage history (crm.stagehistory.list).

/// <summary>crm.category.list entry (camelCase, numbers): a deal pipeline.</summary>
internal sealed record BitrixCategory(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("sort")] int Sort,
    [property: JsonPropertyName("isDefault")] bool IsDefault);

/// <summary>crm.category.list result: {"categories":[...]}.</summary>
internal sealed record BitrixCategoryList([property: JsonPropertyName("categories")] IReadOnlyList<BitrixCategory>? Categories);

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

internal sealed record BitrixStatusExtra([property: JsonPropertyName("SEMANTICS")] string? Semantics);

/// <summary>crm.stagehistory.list item (numbers, not strings): the deal OWNER_ID entered STAGE_ID at CREATED_TIME.</summary>
internal sealed record BitrixStageHistoryItem
{
    [JsonPropertyName("ID")] public string? Id { get; init; }

    [JsonPropertyName("TYPE_ID")] public string? TypeId { get; init; }

    [JsonPropertyName("OWNER_ID")] public string? OwnerId { get; init; }

    [JsonPropertyName("CREATED_TIME")] public DateTimeOffset? CreatedTime { get; init; }

    [JsonPropertyName("CATEGORY_ID")] public string? CategoryId { get; init; }

    [JsonPropertyName("STAGE_SEMANTIC_ID")] public string? StageSemanticId { get; init; }

    [JsonPropertyName("STAGE_ID")] public string? StageId { get; init; }
}
