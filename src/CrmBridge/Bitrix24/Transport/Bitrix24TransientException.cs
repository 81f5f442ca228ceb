namespace CrmBridge.Bitrix24.Transport;

/// <summary>
/// A failure worth retrying: a limit (QUERY_LIMIT_EXCEEDED, OPERATION_TIME_LIMIT), a 5xx, a timeout or a broken connection.
/// <see cref="RejectedBeforeExecution"/> is true only when the portal says it did not run the method, so even a
/// non-idempotent write may be repeated.
/// </summary>
internal sealed class Bitrix24TransientException : Bitrix24Exception
{
    public Bitrix24TransientException(string message, bool rejectedBeforeExecution, int? statusCode = null, string? errorCode = null)
        : base(message, statusCode, errorCode)
    {
        RejectedBeforeExecution = rejectedBeforeExecution;
    }

    public Bitrix24TransientException()
    {
    }

    public Bitrix24TransientException(string message)
        : base(message)
    {
    }

    public Bitrix24TransientException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool RejectedBeforeExecution { get; }
}
