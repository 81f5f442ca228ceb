namespace CrmBridge.Sandbox.RateLimiting;

/// <summary>amoCRM's "no more than N requests per second": a one-second sliding window.</summary>
internal sealed class SlidingWindowLimiter(TimeProvider time, int perSecond)
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _recent = new();

    public bool TryAcquire()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            while (_recent.Count > 0 && now - _recent.Peek() >= TimeSpan.FromSeconds(1))
            {
                _recent.Dequeue();
            }

            if (_recent.Count >= perSecond)
            {
                return false;
            }

            _recent.Enqueue(now);
            return true;
        }
    }
}
