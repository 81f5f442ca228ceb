using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

/// <summary>A stage with what the KPI mapping makes of it.</summary>
public sealed record StageInfo(
    string PipelineName,
    Stage Stage,
    int OpenPosition,
    bool IsNeed,
    bool IsProposal,
    bool IsTopZone,
    decimal Probability)
{
    public bool IsOpen => Stage.Semantics == StageSemantics.Open;
}
