namespace CrmBridge.AmoCrm.Api;

// Events (/api/v4/events): stage moves and owner changes with their before/after values.

/// <summary>An event; ids are strings such as "01pz58t6p1mhq8gqzgcp6vkwdm".</summary>
internal sealed record AmoEvent(
    string Id,
    string Type,
    long EntityId,
    string EntityType,
    long CreatedAt,
    long? CreatedBy = null,
    IReadOnlyList<AmoEventValue>? ValueAfter = null,
    IReadOnlyList<AmoEventValue>? ValueBefore = null)
{
    public const string LeadStatusChanged = "lead_status_changed";
    public const string ResponsibleChanged = "entity_responsible_changed";
}

internal sealed record AmoEventStatus(long Id, long? PipelineId = null);

internal sealed record AmoEventUser(long Id);

/// <summary>One entry of value_before / value_after; which member is set depends on the event type.</summary>
internal sealed record AmoEventValue(AmoEventStatus? LeadStatus = null, AmoEventUser? ResponsibleUser = null);
