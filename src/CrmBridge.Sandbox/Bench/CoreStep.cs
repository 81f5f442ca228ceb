namespace CrmBridge.Sandbox.Bench;

/// <summary>Results: findings for dedupe and rules; manager days, weeks and key accounts for the KPIs.</summary>
internal sealed record CoreStep(string Name, double Seconds, int Results, long AllocatedBytes, long PeakHeapBytes, long PeakWorkingSetBytes, string? Note = null)
{
    /// <summary>The process's CPU time over the step (the garbage collector's threads included).</summary>
    public double CpuSeconds { get; init; }

    /// <summary>Full (generation 2) collections during the step: over a model of millions of objects, each costs seconds.</summary>
    public int FullCollections { get; init; }
}
