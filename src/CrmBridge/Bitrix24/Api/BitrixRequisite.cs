using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

/// <summary>crm.requisite.list row (ENTITY_TYPE_ID 4 = company, 3 = contact).</summary>
internal sealed record BitrixRequisite
{
    [JsonPropertyName("ID")] public string? Id { get; init; }

    [JsonPropertyName("ENTITY_TYPE_ID")] public string? EntityTypeId { get; init; }

    [JsonPropertyName("ENTITY_ID")] public string? EntityId { get; init; }

    [JsonPropertyName("NAME")] public string? Name { get; init; }

    [JsonPropertyName("ACTIVE")] public bool Active { get; init; }

    [JsonPropertyName("RQ_INN")] public string? Inn { get; init; }

    [JsonPropertyName("RQ_KPP")] public string? Kpp { get; init; }

    [JsonPropertyName("RQ_OGRN")] public string? Ogrn { get; init; }

    [JsonPropertyName("RQ_OGRNIP")] public string? Ogrnip { get; init; }

    [JsonPropertyName("RQ_COMPANY_NAME")] public string? CompanyName { get; init; }

    [JsonPropertyName("DATE_CREATE")] public DateTimeOffset? DateCreate { get; init; }

    [JsonPropertyName("DATE_MODIFY")] public DateTimeOffset? DateModify { get; init; }
}
