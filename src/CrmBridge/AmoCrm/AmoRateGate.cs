using CrmBridge.Crm;

namespace CrmBridge.AmoCrm;

/// <summary>
/// Every call to one amoCRM account passes here (one instance per account): at most N requests in any second as the
/// vendor counts them (developers.kommo.com/docs/limitations: 7; see <see cref="AmoRequestWindow"/> for how). After a
/// 403 the account is closed until the next sync tick, because hammering a blocked account keeps it blocked.
/// </summary>
internal sealed class AmoRateGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _window = new();
    private readonly AmoRequestWindow _slots;
    private readonly TimeProvider _time;
    private TaskCompletionSource? _answer;
    private string? _closedBecause;
    private bool _waitingForTheClock;
    private long _issued;
    private int _unanswered;

    public AmoRateGate(int requestsPerSecond, TimeProvider time)
    {
        _slots = new AmoRequestWindow(requestsPerSecond);
        _time = time;
    }

    /// <summary>Requests let through so far (sync summaries report the difference).</summary>
    public long Issued => Interlocked.Read(ref _issued);

    /// <summary>
    /// A request waits only for a slot to leave the second and no request is out: tests move their clock then, and only
    /// then, because a clock moved while a request is out can cut it by the attempt timeout.
    /// </summary>
    public bool WaitingForTheClock => Volatile.Read(ref _waitingForTheClock) && Volatile.Read(ref _unanswered) == 0;

    /// <summary>
    /// Waits for a slot; the caller sends the request and disposes the slot once the answer's headers are in (or the
    /// send failed), which starts the second the slot stays taken.
    /// </summary>
    public async Task<Slot> WaitAsync(CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                ThrowIfClosed();
                TimeSpan wait;
                Task answer;
                lock (_window)
                {
                    if (_slots.TryStart(_time.GetUtcNow(), out wait))
                    {
                        Interlocked.Increment(ref _issued);
                        Interlocked.Increment(ref _unanswered);
                        return new Slot(this);
                    }

                    answer = (_answer ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                }

                // Every slot waits for an answer: the first one starts the second after which a slot frees.
                if (wait == Timeout.InfiniteTimeSpan)
                {
                    await answer.WaitAsync(cancellationToken);
                    continue;
                }

                Volatile.Write(ref _waitingForTheClock, true);
                try
                {
                    await Task.Delay(wait, _time, cancellationToken);
                }
                finally
                {
                    Volatile.Write(ref _waitingForTheClock, false);
                }
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

    private void Answered()
    {
        TaskCompletionSource? answer;
        lock (_window)
        {
            _slots.Answered(_time.GetUtcNow());
            Interlocked.Decrement(ref _unanswered);
            answer = _answer;
            _answer = null;
        }

        answer?.TrySetResult();
    }

    private void ThrowIfClosed()
    {
        if (Volatile.Read(ref _closedBecause) is { } reason)
        {
            throw new CrmStopException(reason);
        }
    }

    /// <summary>One request's place in the window; disposing it stamps the answer (once).</summary>
    internal sealed class Slot(AmoRateGate gate) : IDisposable
    {
        private int _answered;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _answered, 1) == 0)
            {
                gate.Answered();
            }
        }
    }
}
