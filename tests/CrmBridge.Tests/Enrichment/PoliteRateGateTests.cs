using CrmBridge.Enrichment;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.Enrichment;

public class PoliteRateGateTests
{
    [Fact]
    public async Task The_second_request_waits_until_the_interval_has_passed()
    {
        var time = new FakeTimeProvider();
        var gate = new PoliteRateGate(time, requestsPerSecond: 2);

        await gate.WaitAsync(CancellationToken.None);
        var second = gate.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(499));
        var waitingAt499 = !second.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second;

        Assert.True(waitingAt499);
    }

    [Fact]
    public async Task No_wait_after_a_quiet_spell()
    {
        var time = new FakeTimeProvider();
        var gate = new PoliteRateGate(time, requestsPerSecond: 1);

        await gate.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.True(gate.WaitAsync(CancellationToken.None).IsCompleted);
    }
}
