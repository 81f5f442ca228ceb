namespace CrmBridge.Storage;

/// <summary>One line of the audit log: what was done (or would have been, in dry run), to what, and how it ended.</summary>
internal sealed record AuditEntry(DateTimeOffset At, string ActionKey, string ActionKind, string Outcome, string? Detail);
