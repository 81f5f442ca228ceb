namespace CrmBridge.AmoCrm.Api;

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
