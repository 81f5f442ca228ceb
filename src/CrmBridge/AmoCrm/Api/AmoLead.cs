using System.Text.Json.Serialization;

namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoLead(
    long Id,
    string Name,
    decimal? Price,
    long? ResponsibleUserId,
    long StatusId,
    long PipelineId,
    long? LossReasonId,
    long CreatedAt,
    long UpdatedAt,
    long? ClosedAt,
    bool? IsDeleted,
    [property: JsonPropertyName("_embedded")] AmoLinkedEntities? Embedded);
