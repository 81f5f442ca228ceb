namespace CrmBridge.Core.Kpi;

/// <summary>One manager's day against the daily plan; Plan is null for a manager without one.</summary>
public sealed record ManagerDay(
    SalesPerson Manager,
    int Calls,
    int Meetings,
    int DealsCreated,
    int DealsWon,
    MoneyBag WonAmount,
    DailyPlan? Plan);
