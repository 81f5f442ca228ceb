using CrmBridge.Storage;

namespace CrmBridge.Outbox;

/// <summary>
/// Executes actions of some kinds. Throw <see cref="PermanentActionException"/> for a failure retrying cannot fix;
/// any other exception is retried with backoff.
/// </summary>
internal interface IActionExecutor
{
    bool CanExecute(string kind);

    Task ExecuteAsync(string kind, object payload, CancellationToken cancellationToken);
}
