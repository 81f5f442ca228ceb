using CrmBridge.Core.Model;

namespace CrmBridge.Sync;

/// <summary>How the last sync tick went for one CRM account, kept for `crmbridge status` and /status.</summary>
internal sealed record TickRecord(CrmKind Crm, string Account, DateTimeOffset At, bool Ok, string? Error, DateTimeOffset? LastSuccessAt);
