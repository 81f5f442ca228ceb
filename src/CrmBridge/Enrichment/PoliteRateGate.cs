namespace CrmBridge.Enrichment;

/// <summary>Spaces registry requests at least 1/rate apart, waiting on the TimeProvider (fake time in tests).</summary>
internal sealed class PoliteRateGate(TimeProvider time, double requestsPerSecond)
{
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(1 / requestsPerSecond);
    private DateTimeOffset? _last;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (_last is { } last)
        {
            var wait = last + _interval - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                // Continue on the timer's thread: the request follows the gate at once, with no hop through a context.
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }

        _last = time.GetUtcNow();
    }
}
