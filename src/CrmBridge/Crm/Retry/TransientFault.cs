namespace CrmBridge.Crm.Retry;

/// <summary>
/// A failure worth another attempt, named in words for the log ("502 HTML page", "dropped connection").
/// <paramref name="NotPerformed"/> is true only when the server provably did not run the request (the connection was
/// refused, a rate limit answered before execution), so even a write that adds something may be sent again.
/// <paramref name="Wait"/> is the vendor's own hint; null leaves the wait to the exponential backoff.
/// </summary>
internal sealed record TransientFault(string Description, bool NotPerformed, TimeSpan? Wait = null);
