using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

// Companies (crm.company.list), their requisites (crm.requisite.list) and the multi-fields (phones, e-mails, web).

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

/// <summary>PHONE / EMAIL / WEB / IM entry: [{"ID":"8303","VALUE_TYPE":"WORK","VALUE":"+1999...","TYPE_ID":"PHONE"}].</summary>
internal sealed record BitrixMultiField(
    [property: JsonPropertyName("ID")] string? Id,
    [property: JsonPropertyName("VALUE_TYPE")] string? ValueType,
    [property: JsonPropertyName("VALUE")] string? Value,
    [property: JsonPropertyName("TYPE_ID")] string? TypeId);
