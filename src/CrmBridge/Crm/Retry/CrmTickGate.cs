namespace CrmBridge.Crm.Retry;

/// <summary>
/// One CRM's state for the current sync tick: the retry budget shared by every request of the tick, and the stop a
/// vendor's stop signal (or a spent budget) put on it. Both last until <see cref="StartTick"/>: a storm costs retries
/// up to the budget, then the CRM rests until the next tick instead of hammering a struggling server.
/// </summary>
internal sealed class CrmTickGate
{
    private readonly Lock sync = new();
    private readonly string crm;
    private readonly int retriesPerTick;
    private int retries;
    private string? stoppedBecause;

    public CrmTickGate(string crm, int retriesPerTick)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retriesPerTick);
        this.crm = crm;
        this.retriesPerTick = retriesPerTick;
    }

    /// <summary>Retries spent this tick.</summary>
    public int Retries
    {
        get
        {
            lock (sync)
            {
                return retries;
            }
        }
    }

    /// <summary>Why the CRM is stopped for this tick, or null.</summary>
    public string? StoppedBecause
    {
        get
        {
            lock (sync)
            {
                return stoppedBecause;
            }
        }
    }

    public void StartTick()
    {
        lock (sync)
        {
            retries = 0;
            stoppedBecause = null;
        }
    }

    /// <summary>Takes one retry from the budget; false (and the CRM stopped for the tick) when it is spent.</summary>
    public bool TryRetry(TransientFault fault, string request)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (sync)
        {
            if (stoppedBecause is not null)
            {
                return false;
            }

            if (retries < retriesPerTick)
            {
                retries++;
                return true;
            }

            stoppedBecause = $"{crm}: {retries + 1} transient faults this tick, its retry budget of {retriesPerTick} is spent "
                + $"(last: {fault.Description} for {request}); stopping until the next tick";
            return false;
        }
    }

    /// <summary>A stop signal: no further request this tick. The first reason is kept.</summary>
    public void Stop(string reason)
    {
        lock (sync)
        {
            stoppedBecause ??= reason;
        }
    }

    public void ThrowIfStopped()
    {
        if (StoppedBecause is { } reason)
        {
            throw new CrmStopException(reason);
        }
    }
}
