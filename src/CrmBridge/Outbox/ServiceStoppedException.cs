namespace CrmBridge.Outbox;

/// <summary>
/// The service refuses every call for now (a CRM's stop signal, a spent retry budget): this action did not happen and
/// waits, unchanged, for the next tick. The dispatcher says so once per <see cref="Service"/> and pass, not once per action.
/// </summary>
internal sealed class ServiceStoppedException : Exception
{
    public ServiceStoppedException(string service, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Service = service;
    }

    public ServiceStoppedException()
    {
        Service = "";
    }

    public ServiceStoppedException(string message)
        : base(message)
    {
        Service = "";
    }

    public ServiceStoppedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Service = "";
    }

    /// <summary>The stopped service in words ("Bitrix24 portal.bitrix24.ru").</summary>
    public string Service { get; }
}
