using CrmBridge.AmoCrm;
using CrmBridge.Crm;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.AmoCrm;

public sealed class AmoRateGateTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task The_eighth_request_in_a_second_waits_until_the_first_answer_leaves_the_window()
    {
        var time = new FakeTimeProvider(AmoCrmHarness.Start);
        using var gate = new AmoRateGate(7, time);
        for (var i = 0; i < 7; i++)
        {
            (await gate.WaitAsync(CancellationToken.None)).Dispose();
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var eighth = gate.WaitAsync(CancellationToken.None);
        Assert.False(eighth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(299));
        Assert.False(eighth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await eighth).Dispose();
        Assert.Equal(8, gate.Issued);
    }

    [Fact]
    public async Task A_slot_stays_taken_while_its_request_waits_for_the_answer_and_one_second_after()
    {
        var time = new FakeTimeProvider(AmoCrmHarness.Start);
        using var gate = new AmoRateGate(7, time);
        var slots = new List<IDisposable>();
        for (var i = 0; i < 7; i++)
        {
            slots.Add(await gate.WaitAsync(CancellationToken.None));
        }

        // Seven requests are out and none has answered: however long that takes, an eighth must not leave.
        var eighth = gate.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.False(eighth.IsCompleted);

        // The first answer comes now; amoCRM may have counted that request just before answering it.
        slots[0].Dispose();
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(eighth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        (await eighth).Dispose();
        Assert.Equal(8, gate.Issued);
    }

    [Fact]
    public async Task A_closed_gate_refuses_at_once_and_a_reopened_one_lets_requests_through()
    {
        using var gate = new AmoRateGate(7, new FakeTimeProvider(AmoCrmHarness.Start));
        gate.Close("blocked: ask support");

        var stop = await Assert.ThrowsAsync<CrmStopException>(() => gate.WaitAsync(CancellationToken.None));
        gate.Reopen();
        (await gate.WaitAsync(CancellationToken.None)).Dispose();

        Assert.Equal("blocked: ask support", stop.Message);
        Assert.Equal(1, gate.Issued);
    }

    [Theory]
    [InlineData(7, 175, 5, 20)]
    [InlineData(7, 175, 40, 150)]
    [InlineData(7, 100, 0, 400)]
    [InlineData(3, 60, 10, 60)]
    public void Requests_sent_as_fast_as_the_window_allows_never_put_eight_arrivals_in_one_second_and_lose_only_their_latency(
        int perSecond, int requests, int minLatencyMs, int maxLatencyMs)
    {
        // Each request reaches the vendor after a jittered trip and is answered after another: bunched arrivals are the
        // case a send-time stamp got wrong. The clock moves a millisecond at a time.
        var random = new Random(requests * 31 + maxLatencyMs);
        var window = new AmoRequestWindow(perSecond);
        var start = AmoCrmHarness.Start;
        var now = start;
        var arrivals = new List<DateTimeOffset>();
        var answers = new List<DateTimeOffset>();
        var sent = 0;
        var slowest = TimeSpan.Zero;
        while (sent < requests || answers.Count > 0)
        {
            foreach (var due in answers.Where(a => a <= now).ToList())
            {
                answers.Remove(due);
                window.Answered(now);
            }

            while (sent < requests && window.TryStart(now, out _))
            {
                var there = TimeSpan.FromMilliseconds(random.Next(minLatencyMs, maxLatencyMs + 1) / 2.0);
                var back = TimeSpan.FromMilliseconds(random.Next(minLatencyMs, maxLatencyMs + 1) / 2.0);
                slowest = there + back > slowest ? there + back : slowest;
                arrivals.Add(now + there);
                answers.Add(now + there + back);
                sent++;
            }

            now += TimeSpan.FromMilliseconds(1);
        }

        // The vendor's count: arrival k+N must be at least a second after arrival k.
        var sorted = arrivals.Order().ToList();
        var closest = Enumerable.Range(0, sorted.Count - perSecond).Min(k => sorted[k + perSecond] - sorted[k]);
        Assert.True(closest >= Second, $"{perSecond + 1} arrivals within {closest.TotalMilliseconds} ms");

        // At the limit: a full window every second plus the answer time (+ the clock's step), never faster than the limit.
        var rounds = (requests + perSecond - 1) / perSecond;
        var last = sorted[^1] - start;
        Assert.True(last >= Second * (rounds - 1), $"the last request arrived after {last}");
        Assert.True(last <= (Second + slowest + TimeSpan.FromMilliseconds(2)) * (rounds - 1) + slowest, $"the last request arrived after {last}");
    }

    [Fact]
    public void An_answer_without_a_request_in_flight_is_a_bug_not_a_free_slot()
    {
        var window = new AmoRequestWindow(7);

        Assert.Throws<InvalidOperationException>(() => window.Answered(AmoCrmHarness.Start));
    }
}
