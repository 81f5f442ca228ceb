namespace CrmBridge.Core.Kpi;

/// <summary>
/// One manager's figures for a window (yesterday, or the week so far) against the daily plan; Plan is null for a
/// manager without one. Calls count both directions; <see cref="CallsOut"/> the outgoing ones among them.
/// </summary>
public sealed record ManagerDay(
    SalesPerson Manager,
    int Calls,
    int Meetings,
    int DealsCreated,
    int DealsWon,
    MoneyBag WonAmount,
    DailyPlan? Plan)
{
    public int CallsOut { get; init; }

    public MoneyBag CreatedAmount { get; init; } = MoneyBag.Empty;
}
