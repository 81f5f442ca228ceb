using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

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
