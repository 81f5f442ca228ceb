using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

/// <summary>crm.contact.list row.</summary>
internal sealed record BitrixContact
{
    [JsonPropertyName("ID")] public string? Id { get; init; }

    [JsonPropertyName("NAME")] public string? Name { get; init; }

    [JsonPropertyName("SECOND_NAME")] public string? SecondName { get; init; }

    [JsonPropertyName("LAST_NAME")] public string? LastName { get; init; }

    [JsonPropertyName("POST")] public string? Post { get; init; }

    [JsonPropertyName("COMPANY_ID")] public string? CompanyId { get; init; }

    [JsonPropertyName("ASSIGNED_BY_ID")] public string? AssignedById { get; init; }

    [JsonPropertyName("DATE_CREATE")] public DateTimeOffset? DateCreate { get; init; }

    [JsonPropertyName("DATE_MODIFY")] public DateTimeOffset? DateModify { get; init; }

    [JsonPropertyName("PHONE")] public IReadOnlyList<BitrixMultiField>? Phone { get; init; }

    [JsonPropertyName("EMAIL")] public IReadOnlyList<BitrixMultiField>? Email { get; init; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; init; }
}
