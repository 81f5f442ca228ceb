namespace CrmBridge.Sandbox.Bench;

/// <summary>
/// One worker tick (SyncCycle: read the CRMs, dedupe, rules, outbox in dry run) over a base already loaded and
/// evaluated once; see <see cref="BenchReport"/> for the fields.
/// </summary>
internal sealed record TickMeasurement
{
    public const string NothingChanged = "nothing changed";

    public required int BaseCompanies { get; init; }

    /// <summary><see cref="NothingChanged"/> or "1 % changed".</summary>
    public required string Kind { get; init; }

    public required int ChangedCompanies { get; init; }

    public required double Seconds { get; init; }

    /// <summary>The process's CPU time over the tick (the in-process sandbox's share included).</summary>
    public required double CpuSeconds { get; init; }

    public required long BitrixRequests { get; init; }

    public required long AmoRequests { get; init; }

    /// <summary>Requests both CRMs' stand-ins served during the tick.</summary>
    public long Requests => BitrixRequests + AmoRequests;

    /// <summary>
    /// The shortest time the vendors' limits allow for these requests, the CRMs read side by side, as if each bucket
    /// were full (it may not be: the bench's earlier loads drain Bitrix24's).
    /// </summary>
    public double LimitSeconds => Math.Max(RateLimit.Bitrix24.CeilingSeconds(BitrixRequests), RateLimit.AmoCrm.CeilingSeconds(AmoRequests));

    /// <summary>Companies the tick loaded and evaluated (changed or due).</summary>
    public required int Evaluated { get; init; }

    /// <summary>True when the tick fell back to evaluating every company.</summary>
    public required bool Full { get; init; }

    public double? LoadAverage { get; init; }
}
