using CrmBridge.Core.Model;
using CrmBridge.Crm;

namespace CrmBridge.Sync;

/// <summary>How one CRM account's sync ended: its counts, or why it stopped (the other CRMs still ran).</summary>
internal sealed record SourceResult(CrmKind Crm, string Account, SyncSummary? Summary, string? Error);
