namespace CrmBridge.Enrichment;

/// <summary>
/// Slows a failing provider down: after an outage it rests for the server's Retry-After or a doubling backoff
/// (1 minute up to 1 hour); a failure a person must fix (a bad key, a changed page) rests it an hour.
/// </summary>
internal sealed class ProviderPause
{
    private static readonly TimeSpan First = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);
    private TimeSpan _next = First;

    public DateTimeOffset Until { get; private set; } = DateTimeOffset.MinValue;

    public bool IsPaused(DateTimeOffset now) => now < Until;

    public void Failed(DateTimeOffset now, EnrichmentProviderException failure)
    {
        var rest = failure.Transient ? failure.RetryAfter ?? _next : Longest;
        Until = now + (rest > Longest ? Longest : rest);
        _next = _next * 2 > Longest ? Longest : _next * 2;
    }

    public void Succeeded()
    {
        _next = First;
        Until = DateTimeOffset.MinValue;
    }
}
