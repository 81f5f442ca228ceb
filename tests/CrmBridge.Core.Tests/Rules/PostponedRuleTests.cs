using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using static CrmBridge.Core.Tests.Rules.ClientBaseBuilder;

namespace CrmBridge.Core.Tests.Rules;

public class PostponedRuleTests
{
    private static ClientBaseBuilder Postponed(DateTimeOffset? until, string reason = "Закупки ушли в головной офис") =>
        new ClientBaseBuilder().Manager("7", "Иванов").Company("1", "7", tweak: c => c with { PostponedUntil = until, PostponeReason = reason });

    [Theory]
    [InlineData(99, 23, false)]
    [InlineData(100, 0, true)]
    [InlineData(101, 12, true)]
    public void A_postponed_card_is_announced_to_its_owner_from_its_due_day(int day, int hour, bool due)
    {
        var input = Postponed(Day(100, 9)).At(Day(day, hour));

        var finding = new PostponedRule().Evaluate(input).SingleOrDefault();

        Assert.Equal(due, finding is not null);
        if (finding is not null)
        {
            Assert.Equal("7", finding.OwnerId);
            Assert.Equal("Закупки ушли в головной офис", finding.Data["reason"]);
            Assert.Equal("2026-06-10", finding.Period);
        }
    }

    [Fact]
    public void A_reason_without_a_date_returns_after_the_default_365_days()
    {
        var builder = Postponed(until: null);

        Assert.Empty(new PostponedRule().Evaluate(builder.At(Day(364))));
        Assert.Single(new PostponedRule().Evaluate(builder.At(Day(365))));
        Assert.Single(new PostponedRule().Evaluate(builder.At(Day(365), RuleSettings.Default with
        {
            Categories = new Dictionary<ClientCategory, RuleOverrides> { [ClientCategory.Unknown] = new() { PostponeDays = 90 } },
        })));
        Assert.Single(new PostponedRule().Evaluate(builder.At(Day(90), RuleSettings.Default with { PostponeDays = 90 })));
    }

    [Fact]
    public void The_default_return_date_is_local_midnight_365_days_later()
    {
        var calendar = new PortalCalendar(Moscow);

        var returnAt = WorkingBase.DefaultPostponedReturn(Day(0, 23, 50), RuleSettings.Default, calendar);

        Assert.Equal(new DateTimeOffset(2027, 3, 2, 0, 0, 0, TimeSpan.FromHours(3)), returnAt);
    }
}
