namespace CrmBridge.Outbox;

/// <summary>
/// The request may have been carried out (a timeout or a dropped connection after it was sent, a 5xx on a write):
/// an idempotent or marked action runs again (checking first); any other is set aside as Ambiguous and listed.
/// </summary>
internal sealed class ActionOutcomeUnknownException : Exception
{
    public ActionOutcomeUnknownException()
    {
    }

    public ActionOutcomeUnknownException(string message)
        : base(message)
    {
    }

    public ActionOutcomeUnknownException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
