namespace CrmBridge.Kpi;

internal sealed class StageProbabilityOptions
{
    public string StageId { get; set; } = "";

    /// <summary>0–1.</summary>
    public decimal Probability { get; set; }
}
