namespace CrmBridge.Bitrix24.Mapping;

/// <summary>A record that cannot be mapped (no id, no dates); it is logged with its id and skipped.</summary>
internal sealed class MalformedRecordException : Exception
{
    public MalformedRecordException(string message)
        : base(message)
    {
    }

    public MalformedRecordException()
    {
    }

    public MalformedRecordException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
