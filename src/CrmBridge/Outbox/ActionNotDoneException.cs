namespace CrmBridge.Outbox;

/// <summary>
/// The action provably did not happen (no request left, the service answered an error status or asked to wait):
/// it goes back to Pending and runs again, after <see cref="RetryAfter"/> when the service named a wait.
/// </summary>
internal sealed class ActionNotDoneException : Exception
{
    public ActionNotDoneException(string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        RetryAfter = retryAfter;
    }

    public ActionNotDoneException()
    {
    }

    public ActionNotDoneException(string message)
        : base(message)
    {
    }

    public ActionNotDoneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The service's own wait hint (Telegram retry_after); the dispatcher waits it out within the pass.</summary>
    public TimeSpan? RetryAfter { get; }
}
