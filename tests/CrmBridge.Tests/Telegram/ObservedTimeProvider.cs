using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.Telegram;

/// <summary>Fake time that reports when code starts waiting, so a test advances the clock only once a wait is armed.</summary>
internal sealed class ObservedTimeProvider : FakeTimeProvider
{
    private int timersCreated;
    private readonly TaskCompletionSource<TimeSpan> firstWait = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ObservedTimeProvider()
        : base(new DateTimeOffset(2026, 11, 18, 6, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The due time of the first timer created.</summary>
    public Task<TimeSpan> FirstWait => firstWait.Task;

    /// <summary>How many timers code has armed so far (each wait on this clock is one).</summary>
    public int TimersCreated => timersCreated;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Interlocked.Increment(ref timersCreated);
        firstWait.TrySetResult(dueTime);
        return timer;
    }
}
