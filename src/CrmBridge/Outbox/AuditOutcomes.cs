namespace CrmBridge.Outbox;

/// <summary>Outcome words in the audit log (stable: reports and people read them).</summary>
internal static class AuditOutcomes
{
    public const string Done = "done";
    public const string Failed = "failed";
    public const string Retry = "retry";
    public const string DryRun = "dry-run";
    public const string Ambiguous = "ambiguous";
    public const string Requeued = "requeued";
}
