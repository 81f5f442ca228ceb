namespace CrmBridge.AmoCrm.Api;

/// <summary>One entry of value_before / value_after; which member is set depends on the event type.</summary>
internal sealed record AmoEventValue(AmoEventStatus? LeadStatus = null, AmoEventUser? ResponsibleUser = null);
