using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.Bitrix24.Fakes;

/// <summary>
/// A fake clock that jumps straight to each timer the code under test waits on, so waits are real in logic and
/// instant in the test. Every wait is recorded for assertions.
/// </summary>
internal sealed class DrivenTimeProvider : TimeProvider
{
    private readonly Channel<TimeSpan> timers = Channel.CreateUnbounded<TimeSpan>();

    public DrivenTimeProvider(DateTimeOffset start) => Fake = new FakeTimeProvider(start);

    public FakeTimeProvider Fake { get; }

    public List<TimeSpan> Waits { get; } = [];

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);

        // A timer created unarmed is not a wait: Polly's per-attempt timeout arms a pooled one later (Change), so a
        // request's own timeout never fires by itself here; advance Fake past it to make a hanging request time out.
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            timers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>Awaits the task, advancing the clock to every timer it starts.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var task = Task.Run(action);
        while (true)
        {
            var next = timers.Reader.WaitToReadAsync().AsTask();
            var finished = await Task.WhenAny(task, next).WaitAsync(TimeSpan.FromSeconds(30));
            if (finished == task)
            {
                return await task;
            }

            while (timers.Reader.TryRead(out var due))
            {
                Waits.Add(due);
                Fake.Advance(due);
            }
        }
    }

    public Task RunAsync(Func<Task> action) => RunAsync(async () =>
    {
        await action();
        return true;
    });
}
