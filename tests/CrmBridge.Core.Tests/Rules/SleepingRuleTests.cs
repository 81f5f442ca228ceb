using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using static CrmBridge.Core.Tests.Rules.ClientBaseBuilder;

namespace CrmBridge.Core.Tests.Rules;

public class SleepingRuleTests
{
    [Theory]
    [InlineData(179, false)]
    [InlineData(180, true)]
    [InlineData(181, true)]
    public void A_client_with_no_won_deal_and_no_contact_for_180_days_is_listed_for_reactivation(int day, bool sleeping)
    {
        var input = new ClientBaseBuilder()
            .Company("1", "7", Day(-400))
            .Deal("50", "1", "7", Day(-30), "WON", 90000, DealOutcome.Won, closedAt: Day(-10))
            .Call("1", "7", Day(0, 10), Direction.Inbound)
            .At(Day(day, 9));

        var finding = new SleepingRule().Evaluate(input).SingleOrDefault();

        Assert.Equal(sleeping, finding is not null);
        Assert.Equal(sleeping ? SleepingRule.KindSleeping : null, finding?.Data["kind"]);
    }

    [Fact]
    public void A_lost_client_keeps_the_reason_of_its_last_lost_deal()
    {
        var input = new ClientBaseBuilder()
            .Company("1", "7", Day(-400))
            .Deal("50", "1", "7", Day(-300), "LOSE", outcome: DealOutcome.Lost, closedAt: Day(-290), lossReason: "Дорого")
            .Deal("51", "1", "7", Day(-250), "LOSE", outcome: DealOutcome.Lost, closedAt: Day(-240), lossReason: "Выбрали конкурента")
            .At(Day(0));

        var finding = Assert.Single(new SleepingRule().Evaluate(input));

        Assert.Equal(SleepingRule.KindLost, finding.Data["kind"]);
        Assert.Equal("Выбрали конкурента", finding.Data["lastLostReason"]);
        Assert.Equal("2", finding.Data["lostDeals"]);
    }

    [Fact]
    public void A_card_that_never_had_a_closed_deal_is_not_a_sleeping_client()
    {
        var input = new ClientBaseBuilder()
            .Company("1", "7", Day(-400))
            .Deal("50", "1", "7", Day(-300))
            .At(Day(0));

        Assert.Empty(new SleepingRule().Evaluate(input));
    }
}
