namespace CrmBridge.Rules;

/// <summary>
/// One outbox action born of a finding. State: "planned" (evaluated only), "queued" (new in the outbox) or
/// "known" (its key was already in the outbox, so nothing new will run).
/// </summary>
internal sealed record RuleReportAction(string Kind, string Key, string State, string FindingKey, string Summary)
{
    public const string Planned = "planned";
    public const string Queued = "queued";
    public const string Known = "known";
}
