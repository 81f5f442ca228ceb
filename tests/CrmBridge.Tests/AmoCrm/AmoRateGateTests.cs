using CrmBridge.AmoCrm;
using CrmBridge.Crm;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.AmoCrm;

public sealed class AmoRateGateTests
{
    [Fact]
    public async Task The_eighth_request_in_a_second_waits_until_the_first_leaves_the_window()
    {
        var time = new FakeTimeProvider(AmoCrmHarness.Start);
        using var gate = new AmoRateGate(7, time);
        for (var i = 0; i < 7; i++)
        {
            await gate.WaitAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var eighth = gate.WaitAsync(CancellationToken.None);
        Assert.False(eighth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(299));
        Assert.False(eighth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await eighth;
        Assert.Equal(8, gate.Issued);
    }

    [Fact]
    public async Task A_closed_gate_refuses_at_once_and_a_reopened_one_lets_requests_through()
    {
        using var gate = new AmoRateGate(7, new FakeTimeProvider(AmoCrmHarness.Start));
        gate.Close("blocked: ask support");

        var stop = await Assert.ThrowsAsync<CrmStopException>(() => gate.WaitAsync(CancellationToken.None));
        gate.Reopen();
        await gate.WaitAsync(CancellationToken.None);

        Assert.Equal("blocked: ask support", stop.Message);
        Assert.Equal(1, gate.Issued);
    }
}
