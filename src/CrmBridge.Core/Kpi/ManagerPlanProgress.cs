namespace CrmBridge.Core.Kpi;

/// <summary>A manager's share of the monthly plan against what was won this month and what the open deals forecast (base currency).</summary>
public sealed record ManagerPlanProgress(SalesPerson Manager, decimal Plan, decimal Won, decimal Forecast);
