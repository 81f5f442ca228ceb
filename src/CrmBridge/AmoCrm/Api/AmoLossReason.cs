namespace CrmBridge.AmoCrm.Api;

/// <summary>A lead's loss reason as amoCRM embeds it (with=loss_reason): its id and the name people chose.</summary>
internal sealed record AmoLossReason(long Id, string? Name = null);
