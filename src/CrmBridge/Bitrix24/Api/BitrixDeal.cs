using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

/// <summary>crm.deal.list row; STAGE_SEMANTIC_ID is P (open), S (won) or F (lost). User fields land in <see cref="Extra"/>.</summary>
internal sealed record BitrixDeal
{
    [JsonPropertyName("ID")] public string? Id { get; init; }

    [JsonPropertyName("TITLE")] public string? Title { get; init; }

    [JsonPropertyName("CATEGORY_ID")] public string? CategoryId { get; init; }

    [JsonPropertyName("STAGE_ID")] public string? StageId { get; init; }

    [JsonPropertyName("STAGE_SEMANTIC_ID")] public string? StageSemanticId { get; init; }

    /// <summary>A decimal as a string ("1000000.00").</summary>
    [JsonPropertyName("OPPORTUNITY")] public string? Opportunity { get; init; }

    [JsonPropertyName("CURRENCY_ID")] public string? CurrencyId { get; init; }

    [JsonPropertyName("ASSIGNED_BY_ID")] public string? AssignedById { get; init; }

    [JsonPropertyName("COMPANY_ID")] public string? CompanyId { get; init; }

    [JsonPropertyName("CLOSED")] public bool Closed { get; init; }

    [JsonPropertyName("DATE_CREATE")] public DateTimeOffset? DateCreate { get; init; }

    [JsonPropertyName("DATE_MODIFY")] public DateTimeOffset? DateModify { get; init; }

    [JsonPropertyName("MOVED_TIME")] public DateTimeOffset? MovedTime { get; init; }

    [JsonPropertyName("CLOSEDATE")] public DateTimeOffset? CloseDate { get; init; }

    /// <summary>User fields (UF_CRM_*): the configured loss reason and margin.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }
}
