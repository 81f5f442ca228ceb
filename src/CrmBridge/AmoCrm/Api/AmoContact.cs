using System.Text.Json.Serialization;

namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoContact(
    long Id,
    string Name,
    long CreatedAt,
    long UpdatedAt,
    long? ResponsibleUserId = null,
    bool? IsDeleted = null,
    IReadOnlyList<AmoCustomFieldValue>? CustomFieldsValues = null,
    [property: JsonPropertyName("_embedded")] AmoLinkedEntities? Embedded = null);
