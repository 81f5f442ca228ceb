namespace CrmBridge.Core.Kpi;

/// <summary>
/// One manager's plan: the share of the department's monthly plan and the daily activity plan.
/// A manager without an entry has no plan: the digest shows the facts and a dash instead of a target.
/// </summary>
public sealed record ManagerPlan
{
    /// <summary>Share of the department's monthly amount plan, 0–100.</summary>
    public decimal PlanSharePercent { get; init; }

    public DailyPlan? Daily { get; init; }
}
