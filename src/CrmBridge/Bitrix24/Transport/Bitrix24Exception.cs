namespace CrmBridge.Bitrix24.Transport;

/// <summary>
/// The portal refused one call (bad parameters, "Not found", no rights on a card) or answered something unreadable.
/// The message names the portal host and the method, never the webhook address.
/// </summary>
internal class Bitrix24Exception : Exception
{
    public Bitrix24Exception(string message, int? statusCode = null, string? errorCode = null)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public Bitrix24Exception()
    {
    }

    public Bitrix24Exception(string message)
        : base(message)
    {
    }

    public Bitrix24Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int? StatusCode { get; }

    public string? ErrorCode { get; }
}
