namespace CrmBridge.Bitrix24.Transport;

/// <summary>
/// A client-side copy of the portal's leaky bucket (https://apidocs.bitrix24.com/limits.html): each request adds 1,
/// the level drains at the plan's rate, and a request that would overflow waits for the drain instead of earning
/// a 503. A batch counts once. Shared by every caller of one portal.
/// </summary>
internal sealed class LeakyBucketGate
{
    private readonly Lock sync = new();
    private readonly TimeProvider time;
    private readonly double ratePerSecond;
    private readonly double capacity;
    private double level;
    private DateTimeOffset levelAt;
    private long issued;

    public LeakyBucketGate(TimeProvider time, double ratePerSecond, int capacity)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        this.time = time;
        this.ratePerSecond = ratePerSecond;
        this.capacity = capacity;
        levelAt = time.GetUtcNow();
    }

    /// <summary>HTTP requests let through so far (a batch counts once, as the portal counts it).</summary>
    public long Issued => Interlocked.Read(ref issued);

    /// <summary>Takes a slot, waiting (on the TimeProvider) for the bucket to drain when it is full.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref issued);
        var wait = Reserve();
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>The portal said QUERY_LIMIT_EXCEEDED: its bucket is full whatever ours thought (other apps share the IP).</summary>
    public void Saturate()
    {
        lock (sync)
        {
            Drain();
            level = Math.Max(level, capacity);
        }
    }

    private TimeSpan Reserve()
    {
        lock (sync)
        {
            Drain();
            level += 1;
            var overflow = level - capacity;
            return overflow > 0 ? TimeSpan.FromSeconds(overflow / ratePerSecond) : TimeSpan.Zero;
        }
    }

    private void Drain()
    {
        var now = time.GetUtcNow();
        var elapsed = (now - levelAt).TotalSeconds;
        if (elapsed > 0)
        {
            level = Math.Max(0, level - (elapsed * ratePerSecond));
            levelAt = now;
        }
    }
}
