namespace CrmBridge.Core.Kpi;

/// <summary>
/// Funnel figure 2: does the funnel suffice for this month's plan given stage conversions? The stage probabilities are
/// the conversions: the funnel suffices when its forecast covers what is left of the plan after this month's wins.
/// Only the base currency counts toward the plan; amounts kept apart in other currencies are shown, never added.
/// </summary>
public sealed record PlanSufficiency(
    string Currency,
    decimal Plan,
    decimal WonThisMonth,
    decimal Forecast,
    IReadOnlyList<ManagerPlanProgress> Managers)
{
    public decimal Remaining => Math.Max(0, Plan - WonThisMonth);

    public bool Sufficient => Forecast >= Remaining;
}
