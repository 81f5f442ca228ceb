namespace CrmBridge.Sandbox.Bench;

/// <summary>The pure core over an in-memory base; see <see cref="BenchReport"/> for the fields.</summary>
internal sealed record CoreMeasurement
{
    /// <summary>The aim for the million-company case.</summary>
    public const double AimSeconds = 10;
    public const long AimBytes = 2L * 1024 * 1024 * 1024;

    public required int Companies { get; init; }

    public required int Activities { get; init; }

    public required int Deals { get; init; }

    public required double BuildSeconds { get; init; }

    public required long ModelHeapBytes { get; init; }

    public required IReadOnlyList<CoreStep> Steps { get; init; }

    public double TotalSeconds => Steps.Sum(s => s.Seconds);

    public double TotalCpuSeconds => Steps.Sum(s => s.CpuSeconds);

    /// <summary>The machine's 1-minute load average when the core finished.</summary>
    public double? LoadAverage { get; init; }

    public long PeakWorkingSetBytes => Steps.Count == 0 ? 0 : Steps.Max(s => s.PeakWorkingSetBytes);

    public bool WithinAim => TotalSeconds <= AimSeconds && PeakWorkingSetBytes <= AimBytes;
}
