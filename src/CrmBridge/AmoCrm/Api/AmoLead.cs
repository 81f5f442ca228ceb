using System.Text.Json.Serialization;

namespace CrmBridge.AmoCrm.Api;

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
