namespace CrmBridge.Storage;

/// <summary>Where an outbox action is in its life. Only Pending actions are picked up by the dispatcher.</summary>
internal enum OutboxState
{
    /// <summary>Waiting to run, now or at NextAttemptAt.</summary>
    Pending,

    /// <summary>In flight: persisted just before the call that performs it and settled right after, so a crash leaves a trace.</summary>
    Running,

    Done,

    /// <summary>Failed for good (permanent error or attempts used up); never retried.</summary>
    Failed,

    /// <summary>Written by older versions for what is now <see cref="Ambiguous"/>; read as such.</summary>
    Interrupted,

    /// <summary>Recorded while DryRun was on and not executed; a later real run may plan it again.</summary>
    DryRun,

    /// <summary>
    /// A message whose call was cut by a crash or a timeout: it may or may not have been delivered and Telegram has no
    /// idempotency key, so it is listed for the admin (log, `status`), never resent blindly.
    /// </summary>
    Ambiguous,
}
