using CrmBridge.Storage;

namespace CrmBridge.Outbox;

/// <summary>
/// Executes actions of some kinds. Tell the dispatcher what happened by what you throw:
/// <see cref="PermanentActionException"/> — failed for good; <see cref="ActionNotDoneException"/> — provably not done,
/// run again; <see cref="ActionOutcomeUnknownException"/> (or any other exception) — may have been done.
/// </summary>
internal interface IActionExecutor
{
    bool CanExecute(string kind);

    Task ExecuteAsync(ActionAttempt attempt, CancellationToken cancellationToken);
}
