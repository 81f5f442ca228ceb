using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using static CrmBridge.Core.Tests.Rules.ClientBaseBuilder;

namespace CrmBridge.Core.Tests.Rules;

public class CallableListTests
{
    [Fact]
    public void A_manager_sees_own_working_cards_split_into_callable_and_resting_until_a_date()
    {
        var list = CallableList.For(
            new ClientBaseBuilder()
                .Company("1", "7").Call("1", "7", Day(0))
                .Company("2", "7").Call("2", "9", Day(20), Direction.Inbound)
                .Company("3", "7")
                .Company("4", "9")
                .Company("5", "7", tweak: c => c with { PostponedUntil = Day(100), PostponeReason = "Головной офис в Казани" })
                .Company("6", "7", tweak: c => c with { QuarantinedUntil = Day(100) })
                .Build(),
            [Ref("7")], RuleSettings.Default, Day(31), Moscow);

        Assert.Equal(["3", "1"], list.Callable.Select(c => c.Company.Ref.Id));
        var resting = Assert.Single(list.Resting);
        Assert.Equal("2", resting.Company.Ref.Id);
        Assert.Equal(new DateOnly(2026, 4, 21), resting.CallableFrom);
        Assert.Equal(new DateTimeOffset(2026, 4, 21, 0, 0, 0, TimeSpan.FromHours(3)), resting.RestsUntil);
    }

    [Theory]
    [InlineData(23, 30, true)]
    [InlineData(24, 30, false)]
    public void A_card_becomes_callable_at_Moscow_midnight(int hour, int minute, bool callable)
    {
        var list = CallableList.For(
            new ClientBaseBuilder().Company("1", "7").Call("1", "7", Day(0, hour, minute)).Build(),
            [Ref("7")], RuleSettings.Default, Day(30, 0, 5), Moscow);

        Assert.Equal(callable, list.Callable.Count == 1);
        Assert.Equal(callable, list.Resting.Count == 0);
    }
}
