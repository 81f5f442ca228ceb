using CrmBridge.Storage;

namespace CrmBridge.Outbox;

/// <summary>What one dispatcher pass did.</summary>
internal sealed record DispatchSummary
{
    public int Done { get; init; }

    public int Failed { get; init; }

    /// <summary>Failed this time and scheduled to retry later.</summary>
    public int Retrying { get; init; }

    /// <summary>Recorded but not executed because DryRun is on.</summary>
    public int DryRun { get; init; }

    /// <summary>Actions found Running after a crash and put back to Pending (idempotent, or checked before they write).</summary>
    public int Requeued { get; init; }

    /// <summary>Messages cut by a crash or a timeout inside the call: maybe delivered, maybe not; listed and never resent.</summary>
    public IReadOnlyList<OutboxEntry> Ambiguous { get; init; } = [];
}
