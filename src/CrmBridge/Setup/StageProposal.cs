using CrmBridge.Core.Model;

namespace CrmBridge.Setup;

/// <summary>The KPI stage mapping proposed for one CRM (Kpi:{Crm}:NeedStageIds etc.), each pick with its reason.</summary>
internal sealed record StageProposal(CrmKind Crm, IReadOnlyList<StagePick> Need, IReadOnlyList<StagePick> Proposal, IReadOnlyList<StagePick> TopZone);

/// <summary>One stage chosen for a KPI meaning, and why ("name 'Выявление потребности'", "2nd open stage").</summary>
internal sealed record StagePick(string PipelineName, Stage Stage, string Reason);
