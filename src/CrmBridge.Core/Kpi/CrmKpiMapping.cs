using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

/// <summary>
/// What the KPI words mean in one CRM's data. Defaults, used when a list is empty:
/// <list type="bullet">
/// <item>decision-maker: a contact person flagged as one (IsDecisionMaker) or whose position contains one of
/// <see cref="DecisionMakerPositions"/>, with at least one phone or e-mail, created in the window;</item>
/// <item>need identified: a deal entering one of <see cref="NeedStageIds"/>, by default the second open stage of its
/// pipeline (the first is "new");</item>
/// <item>proposal sent: a deal entering one of <see cref="ProposalStageIds"/> (default: the third open stage, or the
/// last open stage of a shorter pipeline), or a completed activity of a kind in <see cref="ProposalActivityKinds"/>;</item>
/// <item>TOP zone (near closing): <see cref="TopZoneStageIds"/>, by default the last
/// <see cref="KpiSettings.TopZonePercent"/> % of a pipeline's open stages by sort (at least one);</item>
/// <item>stage probability: <see cref="StageProbabilities"/>, by default position / (open stages + 1).</item>
/// </list>
/// </summary>
public sealed record CrmKpiMapping
{
    public IReadOnlyList<string> DecisionMakerPositions { get; init; } =
        ["директор", "руководитель", "владелец", "собственник", "учредитель", "director", "owner", "ceo", "head of"];

    public IReadOnlyList<string> NeedStageIds { get; init; } = [];

    public IReadOnlyList<string> ProposalStageIds { get; init; } = [];

    public IReadOnlyList<ActivityKind> ProposalActivityKinds { get; init; } = [ActivityKind.Proposal];

    public IReadOnlyList<string> TopZoneStageIds { get; init; } = [];

    /// <summary>Stage id → win probability 0–1.</summary>
    public IReadOnlyDictionary<string, decimal> StageProbabilities { get; init; } = new Dictionary<string, decimal>();

    public static CrmKpiMapping Default { get; } = new();
}
