namespace CrmBridge.Sandbox.Bench;

/// <summary>One line of the summary: what was measured, the figure, the aim of issue 14 and whether it was met (null: no aim).</summary>
internal sealed record AimRow(string What, string Value, string Aim, bool? Met, double? LoadAverage);
