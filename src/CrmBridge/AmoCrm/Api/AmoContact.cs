using System.Text.Json.Serialization;

namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoContact(
    long Id,
    string Name,
    long? ResponsibleUserId,
    long CreatedAt,
    long UpdatedAt,
    bool? IsDeleted,
    IReadOnlyList<AmoCustomFieldValue>? CustomFieldsValues,
    [property: JsonPropertyName("_embedded")] AmoLinkedEntities? Embedded);
