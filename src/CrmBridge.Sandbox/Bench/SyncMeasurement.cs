namespace CrmBridge.Sandbox.Bench;

/// <summary>One full load of one CRM through its connector; see <see cref="BenchReport"/> for the fields.</summary>
internal sealed record SyncMeasurement
{
    public required string Crm { get; init; }

    public required int Companies { get; init; }

    public required long Rows { get; init; }

    public required IReadOnlyDictionary<string, long> RowsByList { get; init; }

    public required long RowsStored { get; init; }

    public required long Requests { get; init; }

    public required long MinimumRequests { get; init; }

    public required long RejectedByLimit { get; init; }

    public required double Seconds { get; init; }

    /// <summary>The process's CPU time over the load (the in-process sandbox's share included).</summary>
    public double CpuSeconds { get; init; }

    public required RateLimit Limit { get; init; }

    public required double CpuPercent { get; init; }

    public required long PeakWorkingSetBytes { get; init; }

    public double? LoadAverage { get; init; }

    public double RowsPerSecond => Rows / Seconds;

    public double SteadyCeilingRowsPerSecond => Limit.SteadyRowsPerSecond;

    public double CeilingSeconds => Limit.CeilingSeconds(MinimumRequests);

    /// <summary>Null when the burst alone carries the whole load (no wait at all).</summary>
    public double? CeilingRowsPerSecond => CeilingSeconds > 0 ? Rows / CeilingSeconds : null;

    public double PercentOfCeiling => Seconds > 0 ? Math.Min(100, CeilingSeconds / Seconds * 100) : 100;

    public string? Bound { get; init; }
}
