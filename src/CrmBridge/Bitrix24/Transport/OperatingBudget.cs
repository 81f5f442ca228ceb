using System.Collections.Concurrent;
using CrmBridge.Bitrix24.Api;

namespace CrmBridge.Bitrix24.Transport;

/// <summary>
/// Tracks the per-method execution-time budget the portal reports in time.operating / time.operating_reset_at
/// (https://apidocs.bitrix24.com/limits.html, 480 s per 10 minutes). Past the slowdown share a method waits for
/// operating_reset_at, so the portal never has to answer 429 OPERATION_TIME_LIMIT.
/// </summary>
internal sealed class OperatingBudget
{
    private static readonly TimeSpan UnknownResetPause = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, MethodUsage> usage = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider time;
    private readonly double slowdownSeconds;

    public OperatingBudget(TimeProvider time, TimeSpan limit, double slowdownShare)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.time = time;
        slowdownSeconds = limit.TotalSeconds * slowdownShare;
    }

    public void Observe(string method, BitrixTime? reported)
    {
        if (reported?.Operating is not { } operating)
        {
            return;
        }

        var resetAt = reported.OperatingResetAt is { } unix ? DateTimeOffset.FromUnixTimeMilliseconds((long)(unix * 1000)) : (DateTimeOffset?)null;
        usage.AddOrUpdate(
            method,
            _ => new MethodUsage(operating, resetAt),
            (_, old) => new MethodUsage(operating, resetAt ?? old.ResetAt));
    }

    /// <summary>The portal blocked the method (429); it stays blocked until the reset it named, or the last one known.</summary>
    public DateTimeOffset Block(string method, DateTimeOffset? until)
    {
        var known = usage.TryGetValue(method, out var old) ? old.ResetAt : null;
        var now = time.GetUtcNow();
        var blockedUntil = until ?? (known > now ? known.Value : now + UnknownResetPause);
        usage[method] = new MethodUsage(double.MaxValue, blockedUntil);
        return blockedUntil;
    }

    /// <summary>How long the method should wait before its next call (zero when the budget has room).</summary>
    public TimeSpan PauseBefore(string method)
    {
        if (!usage.TryGetValue(method, out var used) || used.Seconds < slowdownSeconds)
        {
            return TimeSpan.Zero;
        }

        var now = time.GetUtcNow();
        if (used.ResetAt is not { } resetAt || resetAt <= now)
        {
            // The oldest minute has dropped; the next reply tells the new figure.
            usage.TryRemove(method, out _);
            return used.ResetAt is null ? UnknownResetPause : TimeSpan.Zero;
        }

        return resetAt - now;
    }

    public async Task WaitAsync(string method, CancellationToken cancellationToken)
    {
        var pause = PauseBefore(method);
        if (pause > TimeSpan.Zero)
        {
            await Task.Delay(pause, time, cancellationToken);
            usage.TryRemove(method, out _);
        }
    }

    private sealed record MethodUsage(double Seconds, DateTimeOffset? ResetAt);
}
