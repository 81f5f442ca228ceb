namespace CrmBridge.Foundation;

/// <summary>Top-level switches (bound from the configuration root).</summary>
internal sealed class RunOptions
{
    /// <summary>Record and log actions without executing them.</summary>
    public bool DryRun { get; set; }
}
