namespace CrmBridge.Crm.Retry;

/// <summary>
/// How one CRM's requests are retried: at most <paramref name="MaxRetries"/> per request, exponential backoff with jitter
/// from <paramref name="BaseDelay"/> (a vendor's hint wins), each attempt cut at <paramref name="AttemptTimeout"/> when set.
/// </summary>
internal sealed record CrmRetrySettings(int MaxRetries, TimeSpan BaseDelay, TimeSpan? AttemptTimeout = null);
