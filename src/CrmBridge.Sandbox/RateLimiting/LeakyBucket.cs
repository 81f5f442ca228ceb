namespace CrmBridge.Sandbox.RateLimiting;

/// <summary>Bitrix24's limiter: each request adds one, the level drains at a fixed rate, past the capacity requests fail.</summary>
internal sealed class LeakyBucket(TimeProvider time, int capacity, double drainPerSecond)
{
    private readonly Lock _gate = new();
    private double _level;
    private DateTimeOffset _last = time.GetUtcNow();

    public bool TryAdd()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            _level = Math.Max(0, _level - ((now - _last).TotalSeconds * drainPerSecond));
            _last = now;
            if (_level + 1 > capacity)
            {
                return false;
            }

            _level += 1;
            return true;
        }
    }
}
