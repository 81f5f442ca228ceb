namespace CrmBridge.Core.Model;

/// <summary>Rule names as they appear in reports and idempotency keys; scripts rely on them.</summary>
public static class RuleNames
{
    public const string Duplicate = "duplicate";
    public const string Branch = "branch";
    public const string InvalidInn = "invalid-inn";
    public const string ProbableDuplicate = "probable-duplicate";
    public const string Cooldown = "cooldown";
    public const string Conflict = "conflict";
    public const string OwnershipWarning = "ownership-warning";
    public const string OwnershipTimeout = "ownership-timeout";
    public const string PostponedDue = "postponed-due";
    public const string QuarantineDue = "quarantine-due";
    public const string Sleeping = "sleeping";
    public const string Liquidated = "liquidated";
}
