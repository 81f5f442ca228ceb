namespace CrmBridge.Storage;

/// <summary>Where an outbox action is in its life. Only Pending actions are picked up by the dispatcher.</summary>
internal enum OutboxState
{
    /// <summary>Waiting to run, now or at NextAttemptAt.</summary>
    Pending,

    /// <summary>Being executed; persisted before the side effect starts, so a crash leaves a trace.</summary>
    Running,

    Done,

    /// <summary>Failed for good (permanent error or attempts used up); never retried.</summary>
    Failed,

    /// <summary>A message whose send was cut by a crash: it may or may not have been delivered, so it is reported, not resent.</summary>
    Interrupted,

    /// <summary>Recorded while DryRun was on and not executed; a later real run may plan it again.</summary>
    DryRun,
}
