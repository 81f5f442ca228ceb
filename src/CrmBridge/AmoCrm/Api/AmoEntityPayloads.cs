using System.Text.Json;
using System.Text.Json.Serialization;

namespace CrmBridge.AmoCrm.Api;

// Companies, contacts and leads (/api/v4/companies, /contacts, /leads) with their custom field values.

internal sealed record AmoCompany(
    long Id,
    string Name,
    long CreatedAt,
    long UpdatedAt,
    long? ResponsibleUserId = null,
    bool? IsDeleted = null,
    IReadOnlyList<AmoCustomFieldValue>? CustomFieldsValues = null);

internal sealed record AmoContact(
    long Id,
    string Name,
    long CreatedAt,
    long UpdatedAt,
    long? ResponsibleUserId = null,
    bool? IsDeleted = null,
    IReadOnlyList<AmoCustomFieldValue>? CustomFieldsValues = null,
    [property: JsonPropertyName("_embedded")] AmoLinkedEntities? Embedded = null);

internal sealed record AmoLead(
    long Id,
    string Name,
    long StatusId,
    long PipelineId,
    long CreatedAt,
    long UpdatedAt,
    decimal? Price = null,
    long? ResponsibleUserId = null,
    long? LossReasonId = null,
    long? ClosedAt = null,
    bool? IsDeleted = null,
    [property: JsonPropertyName("_embedded")] AmoLinkedEntities? Embedded = null,
    IReadOnlyList<AmoCustomFieldValue>? CustomFieldsValues = null);

/// <summary>
/// One entry of custom_fields_values. Values stay raw JSON: their shape depends on the field type
/// (text, multitext with enum_code, legal_entity objects), and a broken value must not lose the record.
/// </summary>
internal sealed record AmoCustomFieldValue(long FieldId, string? FieldName = null, string? FieldCode = null, string? FieldType = null, JsonElement Values = default);
