namespace CrmBridge.Core.Kpi;

/// <summary>What one manager should do in one working day (domain.md section 3).</summary>
public sealed record DailyPlan(int Calls, int Meetings, int DealsCreated, int DealsWon);
