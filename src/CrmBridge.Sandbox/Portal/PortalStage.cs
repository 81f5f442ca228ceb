using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox.Portal;

/// <summary>A stage with its id in each CRM (Bitrix24 STAGE_ID, amoCRM status id).</summary>
public sealed record PortalStage(string BitrixId, long AmoId, string Name, int Sort, StageSemantics Semantics, int Probability);
