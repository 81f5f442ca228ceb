namespace CrmBridge.Enrichment;

/// <summary>
/// A registry could not answer. Transient failures (5xx, 429, timeouts) are simply tried again on a later tick;
/// others (a rejected token, a page whose layout changed) need a person and pause the provider longer.
/// The message never holds a token.
/// </summary>
internal sealed class EnrichmentProviderException : Exception
{
    public EnrichmentProviderException(string message, bool transient, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Transient = transient;
        RetryAfter = retryAfter;
    }

    public EnrichmentProviderException()
    {
    }

    public EnrichmentProviderException(string message)
        : base(message)
    {
    }

    public EnrichmentProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public bool Transient { get; }

    /// <summary>The server's hint (Retry-After), when it gave one.</summary>
    public TimeSpan? RetryAfter { get; }
}
