using CrmBridge.Storage;

namespace CrmBridge.Outbox;

/// <summary>The state names used in reports and the audit log (stable: scripts read them).</summary>
internal static class OutboxStateNames
{
    public static string Of(OutboxState state) => state switch
    {
        OutboxState.Pending => "pending",
        OutboxState.Running => "running",
        OutboxState.Done => "done",
        OutboxState.Failed => "failed",
        OutboxState.Interrupted or OutboxState.Ambiguous => "ambiguous",
        OutboxState.DryRun => "planned",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown outbox state."),
    };
}
