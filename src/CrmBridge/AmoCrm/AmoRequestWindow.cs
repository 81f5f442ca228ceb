namespace CrmBridge.AmoCrm;

/// <summary>
/// The bookkeeping behind <see cref="AmoRateGate"/>: at most N requests "in any second" as amoCRM counts them, which is
/// when a request arrives. We never see the arrival, only that it falls between our send and the answer's headers, so a
/// request holds its slot from the send until one second after its answer. Then the eighth request's arrival is at least
/// a second after every one of the seven before it, however the network bunches or delays them: amoCRM's window never
/// holds eight (a send-time stamp alone let bunched arrivals overshoot: 13 of 182 requests got 429 in the bench). The price
/// is the answer time: a slot turns over every second plus that latency, not every second.
/// </summary>
internal sealed class AmoRequestWindow
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly Queue<DateTimeOffset> _answered = new();
    private readonly int _perSecond;
    private int _inFlight;
    private DateTimeOffset _latest = DateTimeOffset.MinValue;

    public AmoRequestWindow(int perSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        _perSecond = perSecond;
    }

    public int InFlight => _inFlight;

    /// <summary>
    /// Starts a request at <paramref name="now"/> if a slot is free. Otherwise <paramref name="wait"/> says how long until
    /// one frees, or <see cref="Timeout.InfiniteTimeSpan"/> when every slot is held by a request still waiting for its
    /// answer (a slot then frees a second after the first answer).
    /// </summary>
    public bool TryStart(DateTimeOffset now, out TimeSpan wait)
    {
        while (_answered.Count > 0 && now - _answered.Peek() >= Second)
        {
            _answered.Dequeue();
        }

        if (_inFlight + _answered.Count < _perSecond)
        {
            _inFlight++;
            wait = TimeSpan.Zero;
            return true;
        }

        // An answer only turns an in-flight slot into an answered one; slots free when answered ones leave the second.
        wait = _answered.Count > 0 ? _answered.Peek() + Second - now : Timeout.InfiniteTimeSpan;
        return false;
    }

    /// <summary>One started request got its answer (or failed) at <paramref name="now"/>.</summary>
    public void Answered(DateTimeOffset now)
    {
        if (_inFlight == 0)
        {
            throw new InvalidOperationException("No request is in flight.");
        }

        _inFlight--;

        // Answers are stamped in the order they come, so the queue stays sorted even if a clock step went backwards.
        _latest = now > _latest ? now : _latest;
        _answered.Enqueue(_latest);
    }
}
