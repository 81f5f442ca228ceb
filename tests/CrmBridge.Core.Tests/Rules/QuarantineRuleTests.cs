using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using static CrmBridge.Core.Tests.Rules.ClientBaseBuilder;

namespace CrmBridge.Core.Tests.Rules;

public class QuarantineRuleTests
{
    [Theory]
    [InlineData(179, false)]
    [InlineData(180, true)]
    [InlineData(200, true)]
    public void A_quarantined_card_is_listed_for_re_check_from_its_date_with_one_key(int day, bool due)
    {
        var recheck = WorkingBase.DefaultQuarantineRecheck(Day(0), RuleSettings.Default, new PortalCalendar(Moscow));
        var input = new ClientBaseBuilder().Company("1", "7", tweak: c => c with { QuarantinedUntil = recheck }).At(Day(day));

        var finding = new QuarantineRule().Evaluate(input).SingleOrDefault();

        Assert.Equal(due, finding is not null);
        Assert.Equal(due ? "quarantine-due|bitrix24:portal.bitrix24.ru:1|2026-08-29" : null, finding?.Key);
    }

    [Fact]
    public void A_quarantined_card_is_out_of_the_working_base_until_its_date()
    {
        var builder = new ClientBaseBuilder().Company("1", "7", tweak: c => c with { QuarantinedUntil = Day(180, 0) });

        Assert.Empty(CallableList.For(builder.At(Day(179)), [Ref("7")]).Callable);
        Assert.Single(CallableList.For(builder.At(Day(180)), [Ref("7")]).Callable);
    }
}
