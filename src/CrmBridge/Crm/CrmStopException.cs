namespace CrmBridge.Crm;

/// <summary>
/// The CRM refused in a way retrying cannot fix (expired or revoked token, blocked or deleted account):
/// sync stops, checkpoints stay, and the message tells the admin what to do. The message never holds a secret.
/// </summary>
internal sealed class CrmStopException : Exception
{
    public CrmStopException(string message)
        : base(message)
    {
    }

    public CrmStopException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CrmStopException()
    {
    }
}
