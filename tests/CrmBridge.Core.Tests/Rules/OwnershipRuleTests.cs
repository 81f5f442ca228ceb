using CrmBridge.Core.Model;
using CrmBridge.Core.People;
using CrmBridge.Core.Rules;
using Microsoft.Extensions.Time.Testing;
using static CrmBridge.Core.Tests.Rules.ClientBaseBuilder;

namespace CrmBridge.Core.Tests.Rules;

public class OwnershipRuleTests
{
    private static readonly RuleSettings Release = RuleSettings.Default with
    {
        OwnershipMode = OwnershipMode.Release,
        People = new PeopleSettings { Pool = ["bitrix24:1"] },
    };

    [Theory]
    [InlineData(24, null)]
    [InlineData(25, RuleNames.OwnershipWarning)]
    [InlineData(29, RuleNames.OwnershipWarning)]
    [InlineData(30, RuleNames.OwnershipTimeout)]
    [InlineData(31, RuleNames.OwnershipTimeout)]
    public void A_card_without_progress_is_warned_from_day_25_and_times_out_from_day_30(int day, string? expected)
    {
        var input = new ClientBaseBuilder().Company("1", "7", Day(0, 10)).At(Day(day, 9), firstRunAt: Day0);

        var finding = new OwnershipRule().Evaluate(input).SingleOrDefault();

        Assert.Equal(expected, finding?.Rule);
        Assert.Equal(expected is null ? null : "7", finding?.OwnerId);
    }

    [Theory]
    [InlineData(23, 30, RuleNames.OwnershipTimeout)] // got the card on 2 March Moscow time: day 30 on 1 April
    [InlineData(24, 30, RuleNames.OwnershipWarning)] // 00:30 on 3 March Moscow time (2 March in UTC): still day 29
    public void The_term_is_counted_in_Moscow_days(int hour, int minute, string expected)
    {
        var input = new ClientBaseBuilder().Company("1", "7", Day(0, hour, minute)).At(Day(30, 1), firstRunAt: Day0);

        Assert.Equal(expected, Assert.Single(new OwnershipRule().Evaluate(input)).Rule);
    }

    [Fact]
    public void A_stage_moved_backward_is_not_progress()
    {
        var input = new ClientBaseBuilder()
            .Company("1", "7")
            .Deal("50", "1", "7", Day(-5), stage: "NEEDS")
            .Move("50", "OFFER", "NEEDS", Day(20))
            .At(Day(30), firstRunAt: Day0);

        Assert.Equal(RuleNames.OwnershipTimeout, Assert.Single(new OwnershipRule().Evaluate(input)).Rule);
    }

    [Theory]
    [InlineData("NEW", "NEEDS")] // forward to a later open stage
    [InlineData("OFFER", "WON")] // won
    public void A_forward_or_winning_move_restarts_the_clock(string from, string to)
    {
        var input = new ClientBaseBuilder()
            .Company("1", "7")
            .Deal("50", "1", "7", Day(-5))
            .Move("50", from, to, Day(20))
            .At(Day(30), firstRunAt: Day0);

        Assert.Empty(new OwnershipRule().Evaluate(input));
    }

    [Fact]
    public void A_move_to_a_lost_stage_calls_and_emails_are_not_progress()
    {
        var input = new ClientBaseBuilder()
            .Company("1", "7")
            .Deal("50", "1", "7", Day(-5))
            .Move("50", "NEW", "LOSE", Day(20))
            .Call("1", "7", Day(25)).Email("1", "7", Day(26))
            .At(Day(30), firstRunAt: Day0);

        Assert.Equal(RuleNames.OwnershipTimeout, Assert.Single(new OwnershipRule().Evaluate(input)).Rule);
    }

    [Theory]
    [InlineData(0, RuleNames.OwnershipTimeout)]
    [InlineData(150000, null)]
    public void A_new_deal_counts_as_progress_only_with_an_amount(int amount, string? expected)
    {
        var input = new ClientBaseBuilder()
            .Company("1", "7")
            .Deal("50", "1", "7", Day(20), amount: amount)
            .At(Day(30), firstRunAt: Day0);

        Assert.Equal(expected, new OwnershipRule().Evaluate(input).SingleOrDefault()?.Rule);
    }

    [Fact]
    public void A_card_reassigned_by_hand_starts_a_new_term_with_a_new_period()
    {
        var before = new ClientBaseBuilder().Company("1", "7").At(Day(30), firstRunAt: Day0);
        var after = new ClientBaseBuilder()
            .Company("1", "9")
            .Reassigned("1", "7", "9", Day(28))
            .At(Day(30), firstRunAt: Day0);
        var laterTimeout = new ClientBaseBuilder()
            .Company("1", "9")
            .Reassigned("1", "7", "9", Day(28))
            .At(Day(58), firstRunAt: Day0);

        var old = Assert.Single(new OwnershipRule().Evaluate(before));
        Assert.Empty(new OwnershipRule().Evaluate(after));
        var renewed = Assert.Single(new OwnershipRule().Evaluate(laterTimeout));
        Assert.Equal("9", renewed.OwnerId);
        Assert.NotEqual(old.Key, renewed.Key);
    }

    [Fact]
    public void OwnerSince_from_the_CRM_starts_the_clock_but_a_change_to_another_owner_does_not()
    {
        var input = new ClientBaseBuilder()
            .Company("1", "7", tweak: c => c with { OwnerSince = Day(10) })
            .Company("2", "7")
            .Reassigned("2", "7", "9", Day(10))
            .At(Day(30), firstRunAt: Day0);

        var finding = Assert.Single(new OwnershipRule().Evaluate(input));

        Assert.Equal(Ref("2"), finding.Subject);
    }

    [Fact]
    public void Postponed_quarantined_and_pool_cards_are_exempt()
    {
        var input = new ClientBaseBuilder()
            .Company("1", "7", tweak: c => c with { PostponedUntil = Day(100), PostponeReason = "Закупки перенесены в головной офис" })
            .Company("2", "7", tweak: c => c with { QuarantinedUntil = Day(100) })
            .Company("3", "1")
            .At(Day(40), Release, firstRunAt: Day0);

        Assert.Empty(new OwnershipRule().Evaluate(input));
    }

    [Fact]
    public void A_postponed_card_that_came_back_gets_a_fresh_term()
    {
        var builder = new ClientBaseBuilder()
            .Company("1", "7", tweak: c => c with { PostponedUntil = Day(100), PostponeReason = "Бюджет на следующий год" });

        Assert.Empty(new OwnershipRule().Evaluate(builder.At(Day(110), firstRunAt: Day0)));
        Assert.Equal(RuleNames.OwnershipTimeout, Assert.Single(new OwnershipRule().Evaluate(builder.At(Day(130), firstRunAt: Day0))).Rule);
    }

    [Fact]
    public void A_timeout_found_on_the_first_run_is_only_reported_even_on_later_runs()
    {
        var builder = new ClientBaseBuilder().Company("1", "7");

        var firstRun = Assert.Single(new OwnershipRule().Evaluate(builder.At(Day(40), Release, firstRunAt: null)));
        var nextRun = Assert.Single(new OwnershipRule().Evaluate(builder.At(Day(40, 13), Release, firstRunAt: Day(40))));

        Assert.Equal(OwnershipRule.ActionReport, firstRun.Data["action"]);
        Assert.Equal("true", firstRun.Data["foundOnFirstRun"]);
        Assert.Equal(OwnershipRule.ActionReport, nextRun.Data["action"]);
        Assert.Equal(firstRun.Key, nextRun.Key);
    }

    [Fact]
    public void A_timeout_reached_after_the_first_run_is_released_in_Release_mode_and_notified_otherwise()
    {
        var clock = new FakeTimeProvider(Day(20));
        var firstRunAt = clock.GetUtcNow();
        var builder = new ClientBaseBuilder().Company("1", "7");
        clock.Advance(TimeSpan.FromDays(10));

        var released = Assert.Single(new OwnershipRule().Evaluate(builder.At(clock.GetUtcNow(), Release, firstRunAt)));
        var notified = Assert.Single(new OwnershipRule().Evaluate(builder.At(clock.GetUtcNow(), RuleSettings.Default, firstRunAt)));
        var noPool = Assert.Single(new OwnershipRule().Evaluate(builder.At(clock.GetUtcNow(), Release with { People = PeopleSettings.Empty }, firstRunAt)));

        Assert.Equal(OwnershipRule.ActionRelease, released.Data["action"]);
        Assert.Equal("1", released.Data["poolUserId"]);
        Assert.Equal(OwnershipRule.ActionNotify, notified.Data["action"]);
        Assert.Equal(OwnershipRule.ActionNotify, noPool.Data["action"]);
    }
}
