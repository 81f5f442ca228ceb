using CrmBridge.Core.Model;

namespace CrmBridge.Kpi;

/// <summary>
/// What "decision-maker", "need identified", "proposal sent" and the TOP zone mean in one CRM. Empty or absent lists keep
/// the documented defaults of <see cref="CrmBridge.Core.Kpi.CrmKpiMapping"/> (positions of the open stages). Lists are
/// null by default because the configuration binder appends to, rather than replaces, a pre-filled list.
/// </summary>
internal sealed class CrmMappingOptions
{
    /// <summary>Words in a contact's position that make them a decision-maker (case-insensitive).</summary>
    public List<string>? DecisionMakerPositions { get; set; }

    public List<string>? NeedStageIds { get; set; }

    public List<string>? ProposalStageIds { get; set; }

    /// <summary>Activity kinds that count as a proposal sent (default: Proposal).</summary>
    public List<ActivityKind>? ProposalActivityKinds { get; set; }

    public List<string>? TopZoneStageIds { get; set; }

    /// <summary>Win probability per stage; a list because Bitrix24 stage ids contain ':' ("C1:NEW").</summary>
    public List<StageProbabilityOptions> StageProbabilities { get; set; } = [];
}
