namespace CrmBridge.Storage;

/// <summary>
/// A batch stored as all-new (<see cref="IRecordRepository{T}.Insert"/>) held a record the Store already had; the
/// batch was not written. The caller stores it again with look-ups.
/// </summary>
internal sealed class AlreadyStoredException : Exception
{
    public AlreadyStoredException()
    {
    }

    public AlreadyStoredException(string message)
        : base(message)
    {
    }

    public AlreadyStoredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
