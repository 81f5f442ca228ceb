namespace CrmBridge.Core.Model;

/// <summary>A stage of a pipeline; a higher sort is further down the funnel.</summary>
public sealed record Stage(string Id, string Name, int Sort, StageSemantics Semantics);
