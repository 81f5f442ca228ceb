using CrmBridge.Core.Clients;

namespace CrmBridge.Core.Kpi;

/// <summary>
/// The ten funnel figures of domain.md section 3 for a period (flows: won, lost, lengths) and its end (the snapshot:
/// what is open, where, and the forecast). Figure 2 (sufficiency) is <see cref="PlanSufficiency"/>; figure 10 is the
/// same record computed for the period a year before.
/// </summary>
public sealed record FunnelFigures
{
    public required TimeWindow Period { get; init; }

    public int OpenCount { get; init; }

    public MoneyBag OpenAmount { get; init; } = MoneyBag.Empty;

    /// <summary>Σ amount × stage probability over open deals.</summary>
    public MoneyBag Forecast { get; init; } = MoneyBag.Empty;

    public IReadOnlyList<StageFigure> Stages { get; init; } = [];

    /// <summary>Deals lost in the period that never reached the TOP zone.</summary>
    public int LostBeforeClosing { get; init; }

    /// <summary>Deals lost in the period after reaching the TOP zone.</summary>
    public int LostAfterClosing { get; init; }

    /// <summary>Deals that entered the TOP zone during the period.</summary>
    public int ReachedClosing { get; init; }

    public int WonCount { get; init; }

    public MoneyBag WonAmount { get; init; } = MoneyBag.Empty;

    public MoneyBag AverageCheck => WonAmount.DivideBy(WonCount);

    /// <summary>Created to won, over deals won in the period.</summary>
    public double? AverageDealDays { get; init; }

    public int TopZoneCount { get; init; }

    public MoneyBag TopZoneAmount { get; init; } = MoneyBag.Empty;

    /// <summary>Open deals with more than one product.</summary>
    public int ComplexCount { get; init; }

    public MoneyBag ComplexAmount { get; init; } = MoneyBag.Empty;

    /// <summary>Open deals and deals lost in the period, split into acquisition, retention and reactivation.</summary>
    public IReadOnlyDictionary<FunnelKind, FunnelSlice> ByFunnel { get; init; } = new Dictionary<FunnelKind, FunnelSlice>();

    /// <summary>Deals lost in the period by reason, most frequent first; deals without a reason are one row.</summary>
    public IReadOnlyList<LostReasonFigure> LostReasons { get; init; } = [];
}
