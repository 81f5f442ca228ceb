namespace CrmBridge.Core.Kpi;

/// <summary>Everything the morning digest shows about numbers, computed at one moment.</summary>
public sealed record KpiReport
{
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The base currency: plans, thresholds and exported amounts are in it.</summary>
    public string Currency { get; init; } = "RUB";

    public required TimeWindow Yesterday { get; init; }

    public required TimeWindow Week { get; init; }

    public required TimeWindow Month { get; init; }

    public IReadOnlyList<ManagerDay> Days { get; init; } = [];

    public IReadOnlyList<ManagerWeek> Weeks { get; init; } = [];

    /// <summary>The daily figures summed over the week so far, per manager (same calculator, the week's window).</summary>
    public IReadOnlyList<ManagerDay> WeekDays { get; init; } = [];

    /// <summary>The daily figures over the month so far, per manager: the plan-versus-fact chart's month bars.</summary>
    public IReadOnlyList<ManagerDay> MonthDays { get; init; } = [];

    /// <summary>Funnel over this month so far (flows) and open deals now (snapshot).</summary>
    public required FunnelFigures Funnel { get; init; }

    public required FunnelFigures FunnelYearBefore { get; init; }

    public PlanSufficiency? Sufficiency { get; init; }

    public IReadOnlyList<KeyAccountShare> KeyAccounts { get; init; } = [];

    public required BaseStructure Base { get; init; }
}
