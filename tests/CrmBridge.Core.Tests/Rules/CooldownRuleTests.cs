using CrmBridge.Core.Classification;
using CrmBridge.Core.Model;
using CrmBridge.Core.People;
using CrmBridge.Core.Rules;
using Microsoft.Extensions.Time.Testing;
using static CrmBridge.Core.Tests.Rules.ClientBaseBuilder;

namespace CrmBridge.Core.Tests.Rules;

public class CooldownRuleTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(29, true)]
    [InlineData(30, false)]
    [InlineData(31, false)]
    public void An_outbound_call_on_day_N_after_a_contact_violates_only_inside_30_days(int day, bool violation)
    {
        var input = new ClientBaseBuilder()
            .Company("1", "7")
            .Call("1", "7", Day(0, 10))
            .Call("1", "7", Day(day, 10))
            .At(Day(day, 18));

        var findings = new CooldownRule().Evaluate(input).ToList();

        Assert.Equal(violation ? 1 : 0, findings.Count);
    }

    [Theory]
    [InlineData(23, 30, false)] // 2 March local: the rest ends at 1 April 00:00 Moscow time
    [InlineData(24, 30, true)]  // 00:30 on 3 March local (still 2 March in UTC): the rest runs to 2 April 00:00
    public void The_rest_is_counted_in_Moscow_days_not_UTC_days(int hour, int minute, bool violation)
    {
        var previous = Day(0, hour, minute);
        var input = new ClientBaseBuilder()
            .Company("1", "7")
            .Call("1", "7", previous)
            .Call("1", "7", Day(30, 9))
            .At(Day(30, 18));

        Assert.Equal(violation, new CooldownRule().Evaluate(input).Any());
    }

    [Fact]
    public void A_contact_by_another_manager_starts_the_rest_and_the_maker_of_the_second_contact_is_blamed()
    {
        var input = new ClientBaseBuilder()
            .Manager("7", "Иванов").Manager("9", "Петров")
            .Company("1", "7")
            .Meeting("1", "7", Day(0, 11))
            .Call("1", "9", Day(10, 11))
            .At(Day(10, 18));

        var finding = Assert.Single(new CooldownRule().Evaluate(input));

        Assert.Equal(RuleNames.Cooldown, finding.Rule);
        Assert.Equal("9", finding.OwnerId);
        Assert.Equal("Петров", finding.Data["managerName"]);
        Assert.Equal("Иванов", finding.Data["previousManagerName"]);
        Assert.Equal("2026-04-01", finding.Data["restUntil"]);
    }

    [Fact]
    public void An_incoming_call_inside_the_rest_is_no_violation_but_restarts_the_rest()
    {
        var input = new ClientBaseBuilder()
            .Company("1", "7")
            .Call("1", "7", Day(0))
            .Call("1", "7", Day(20), Direction.Inbound)
            .Call("1", "7", Day(35))
            .At(Day(35, 18));

        var finding = Assert.Single(new CooldownRule().Evaluate(input));

        Assert.Equal(FindingData.Date(DateOnly.FromDateTime(Day(50).DateTime)), finding.Data["restUntil"]);
    }

    [Fact]
    public void A_meeting_inside_the_rest_is_a_violation_and_an_unfinished_call_starts_no_rest()
    {
        var input = new ClientBaseBuilder()
            .Company("1", "7").Company("2", "7")
            .Call("1", "7", Day(0)).Meeting("1", "7", Day(5))
            .Call("2", "7", Day(0), completed: false).Call("2", "7", Day(5))
            .At(Day(5, 18));

        var finding = Assert.Single(new CooldownRule().Evaluate(input));

        Assert.Equal(Ref("1"), finding.Subject);
        Assert.Equal(nameof(ActivityKind.Meeting), finding.Data["contactKind"]);
    }

    [Fact]
    public void A_violation_is_reported_while_in_the_lookback_and_keeps_its_key_across_ticks()
    {
        var clock = new FakeTimeProvider(Day(5, 10, 5));
        var builder = new ClientBaseBuilder().Company("1", "7").Call("1", "7", Day(0)).Call("1", "7", Day(5, 10));

        var sameDay = Assert.Single(new CooldownRule().Evaluate(builder.At(clock.GetUtcNow())));
        clock.Advance(TimeSpan.FromDays(1));
        var nextDay = Assert.Single(new CooldownRule().Evaluate(builder.At(clock.GetUtcNow())));
        clock.Advance(TimeSpan.FromDays(1));
        var twoDaysLater = new CooldownRule().Evaluate(builder.At(clock.GetUtcNow()));

        Assert.Equal(sameDay.Key, nextDay.Key);
        Assert.Empty(twoDaysLater);
        Assert.Single(CooldownRule.Violations(builder.At(clock.GetUtcNow()), Day(5, 0), Day(6, 0)));
    }

    [Fact]
    public void The_pool_user_is_nobodys_manager_and_is_never_blamed()
    {
        var settings = RuleSettings.Default with { People = new PeopleSettings { Pool = ["bitrix24:1"] } };
        var input = new ClientBaseBuilder()
            .Company("1", "7")
            .Call("1", "7", Day(0)).Call("1", "1", Day(3))
            .At(Day(3, 18), settings);

        Assert.Empty(new CooldownRule().Evaluate(input));
    }

    [Fact]
    public void A_category_override_shortens_the_rest_and_a_pipeline_override_wins_over_it()
    {
        var byCategory = RuleSettings.Default with
        {
            Categories = new Dictionary<ClientCategory, RuleOverrides> { [ClientCategory.A] = new() { CooldownDays = 7 } },
        };
        var byPipeline = byCategory with
        {
            Pipelines = new Dictionary<string, RuleOverrides> { ["bitrix24:0"] = new() { CooldownDays = 14 } },
        };
        var builder = new ClientBaseBuilder()
            .Company("1", "7", tweak: c => c with { CategoryDecision = new CategoryDecision(CompanyCategory.A, ["headcount 120 >= 50"]) })
            .Deal("50", "1", "7", Day(0))
            .Call("1", "7", Day(0)).Call("1", "7", Day(10));

        Assert.Empty(new CooldownRule().Evaluate(builder.At(Day(10, 18), byCategory)));
        Assert.Single(new CooldownRule().Evaluate(builder.At(Day(10, 18), byPipeline)));
    }
}
