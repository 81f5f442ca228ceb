namespace CrmBridge.Kpi;

internal sealed class ManagerPlanOptions
{
    /// <summary>Share of Kpi:DepartmentMonthlyPlan, 0–100; shares of all managers add up to at most 100.</summary>
    public decimal PlanSharePercent { get; set; }

    /// <summary>Daily calls, meetings, deals created and won; absent = no daily plan.</summary>
    public DailyPlanOptions? Daily { get; set; }
}
