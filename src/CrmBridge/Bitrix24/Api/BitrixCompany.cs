using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

/// <summary>crm.company.list row. User fields (UF_CRM_*) land in <see cref="Extra"/>.</summary>
internal sealed record BitrixCompany
{
    [JsonPropertyName("ID")] public string? Id { get; init; }

    [JsonPropertyName("TITLE")] public string? Title { get; init; }

    [JsonPropertyName("ASSIGNED_BY_ID")] public string? AssignedById { get; init; }

    [JsonPropertyName("DATE_CREATE")] public DateTimeOffset? DateCreate { get; init; }

    [JsonPropertyName("DATE_MODIFY")] public DateTimeOffset? DateModify { get; init; }

    [JsonPropertyName("PHONE")] public IReadOnlyList<BitrixMultiField>? Phone { get; init; }

    [JsonPropertyName("EMAIL")] public IReadOnlyList<BitrixMultiField>? Email { get; init; }

    [JsonPropertyName("WEB")] public IReadOnlyList<BitrixMultiField>? Web { get; init; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }
}
