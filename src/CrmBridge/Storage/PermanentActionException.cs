namespace CrmBridge.Storage;

/// <summary>An action failed for good (e.g. chat not found, record gone): record it, do not retry.</summary>
internal sealed class PermanentActionException : Exception
{
    public PermanentActionException(string message)
        : base(message)
    {
    }

    public PermanentActionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PermanentActionException()
    {
    }
}
