namespace CrmBridge.Enrichment;

/// <summary>
/// Slows a failing provider down, but only once it has failed <c>Enrichment:PauseAfterFailures</c> times in a row: one
/// registry error costs its INN a lookup (kept for the next tick), not the other lookups of the tick. A success resets
/// the count. Once paused it rests for the server's Retry-After or a doubling backoff (1 minute up to 1 hour); a failure
/// a person must fix (a bad key, a changed page) pauses it at once, for an hour: every further lookup would fail the same.
/// </summary>
internal sealed class ProviderPause(int pauseAfterFailures)
{
    private static readonly TimeSpan First = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);
    private TimeSpan _next = First;

    public DateTimeOffset Until { get; private set; } = DateTimeOffset.MinValue;

    /// <summary>Failures since the last success.</summary>
    public int ConsecutiveFailures { get; private set; }

    public bool IsPaused(DateTimeOffset now) => now < Until;

    /// <summary>Counts the failure; true when it starts a pause (<see cref="Until"/> says until when).</summary>
    public bool Failed(DateTimeOffset now, EnrichmentProviderException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ConsecutiveFailures++;
        if (failure.Transient && ConsecutiveFailures < pauseAfterFailures)
        {
            return false;
        }

        var rest = failure.Transient ? failure.RetryAfter ?? _next : Longest;
        Until = now + (rest > Longest ? Longest : rest);
        _next = _next * 2 > Longest ? Longest : _next * 2;
        return true;
    }

    public void Succeeded()
    {
        _next = First;
        ConsecutiveFailures = 0;
        Until = DateTimeOffset.MinValue;
    }
}
