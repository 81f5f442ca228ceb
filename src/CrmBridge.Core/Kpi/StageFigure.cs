namespace CrmBridge.Core.Kpi;

/// <summary>Open deals on one stage at the report moment, and how long deals stayed on it (stays that ended in the period).</summary>
public sealed record StageFigure(string PipelineName, string StageName, int Count, MoneyBag Amount, double? AverageDays);
