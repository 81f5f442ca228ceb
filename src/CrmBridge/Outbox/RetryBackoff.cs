namespace CrmBridge.Outbox;

/// <summary>Exponential backoff with jitter, so actions failing together do not all come back at the same second.</summary>
internal static class RetryBackoff
{
    /// <summary>
    /// The wait after the <paramref name="attempt"/>-th failure: base × 2^(attempt-1), capped at max, then scaled
    /// into [half, full] by <paramref name="jitter"/> (a sample from [0, 1)).
    /// </summary>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exponential = baseDelay.TotalSeconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, maxDelay.TotalSeconds);
        return TimeSpan.FromSeconds(capped * (0.5 + (0.5 * Math.Clamp(jitter, 0, 1))));
    }
}
