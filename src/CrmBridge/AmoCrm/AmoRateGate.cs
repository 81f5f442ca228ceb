using CrmBridge.Crm;

namespace CrmBridge.AmoCrm;

/// <summary>
/// Every call to one amoCRM account passes here (one instance per account): at most N requests in any second
/// (developers.kommo.com/docs/limitations: 7). After a 403 the account is closed until the next sync tick,
/// because hammering a blocked account keeps it blocked.
/// </summary>
internal sealed class AmoRateGate : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly TimeProvider _time;
    private readonly int _perSecond;
    private string? _closedBecause;
    private long _issued;

    public AmoRateGate(int requestsPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerSecond, 1);
        _perSecond = requestsPerSecond;
        _time = time;
    }

    /// <summary>Requests let through so far (sync summaries report the difference).</summary>
    public long Issued => Interlocked.Read(ref _issued);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                ThrowIfClosed();
                var now = _time.GetUtcNow();
                while (_recent.Count > 0 && now - _recent.Peek() >= Window)
                {
                    _recent.Dequeue();
                }

                if (_recent.Count < _perSecond)
                {
                    _recent.Enqueue(now);
                    Interlocked.Increment(ref _issued);
                    return;
                }

                await Task.Delay(_recent.Peek() + Window - now, _time, cancellationToken);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>No request passes until <see cref="Reopen"/>; the reason is the admin-facing message.</summary>
    public void Close(string reason) => Volatile.Write(ref _closedBecause, reason);

    public void Reopen() => Volatile.Write(ref _closedBecause, null);

    public void Dispose() => _turn.Dispose();

    private void ThrowIfClosed()
    {
        if (Volatile.Read(ref _closedBecause) is { } reason)
        {
            throw new CrmStopException(reason);
        }
    }
}
