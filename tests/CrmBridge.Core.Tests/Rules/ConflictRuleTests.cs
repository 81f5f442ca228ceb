using CrmBridge.Core.Model;
using CrmBridge.Core.People;
using CrmBridge.Core.Rules;
using static CrmBridge.Core.Tests.Rules.ClientBaseBuilder;

namespace CrmBridge.Core.Tests.Rules;

public class ConflictRuleTests
{
    [Fact]
    public void Two_cards_of_one_INN_group_with_different_owners_are_a_conflict_naming_both()
    {
        var input = new ClientBaseBuilder()
            .Manager("7", "Иванов").Manager("9", "Петров")
            .Company("1", "7").Company("2", "9")
            .At(Day(3), innGroups: [Ref("1"), Ref("2")]);

        var finding = Assert.Single(new ConflictRule().Evaluate(input));

        Assert.Equal(RuleNames.Conflict, finding.Rule);
        Assert.Equal(Ref("1"), finding.Subject);
        Assert.Equal("Иванов", finding.Data["ownerName"]);
        Assert.Equal("Петров", finding.Data["otherName"]);
        Assert.Contains("owner of card bitrix24:portal.bitrix24.ru:2", finding.Data["evidence"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_person_in_both_CRMs_is_one_owner()
    {
        var input = new ClientBaseBuilder()
            .Manager("7", "Иванов", "ivanov@firm.ru").Manager("123", "Иванов И.", "Ivanov@Firm.ru", CrmKind.AmoCrm)
            .Company("1", "7").Company("77", "123", crm: CrmKind.AmoCrm)
            .At(Day(3), innGroups: [Ref("1"), Ref("77", CrmKind.AmoCrm)]);

        Assert.Empty(new ConflictRule().Evaluate(input));
    }

    [Theory]
    [InlineData(ActivityKind.Call, 13, true)]
    [InlineData(ActivityKind.Meeting, 14, true)]
    [InlineData(ActivityKind.Email, 14, true)]
    [InlineData(ActivityKind.Call, 15, false)]
    public void A_contact_by_another_manager_inside_the_14_day_window_is_evidence(ActivityKind kind, int daysAgo, bool conflict)
    {
        var input = new ClientBaseBuilder()
            .Company("1", "7")
            .Activity("1", "9", Day(30 - daysAgo, 0, 10), kind, Direction.Outbound, completed: true)
            .At(Day(30, 9));

        var findings = new ConflictRule().Evaluate(input).ToList();

        Assert.Equal(conflict, findings.Count == 1);
        if (conflict)
        {
            Assert.Contains(kind.ToString().ToLowerInvariant(), findings[0].Data["evidence"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_open_deal_of_another_manager_is_evidence_but_a_lost_one_is_not()
    {
        var open = new ClientBaseBuilder().Company("1", "7").Deal("50", "1", "9", Day(20)).At(Day(25));
        var lost = new ClientBaseBuilder().Company("1", "7").Deal("50", "1", "9", Day(20), "LOSE", outcome: DealOutcome.Lost, closedAt: Day(21)).At(Day(25));

        Assert.Contains("open deal", Assert.Single(new ConflictRule().Evaluate(open)).Data["evidence"], StringComparison.Ordinal);
        Assert.Empty(new ConflictRule().Evaluate(lost));
    }

    [Fact]
    public void The_owner_own_contacts_and_the_pool_user_are_no_evidence()
    {
        var settings = RuleSettings.Default with { People = new PeopleSettings { Pool = ["bitrix24:1"] } };
        var input = new ClientBaseBuilder()
            .Company("1", "7").Company("2", "1")
            .Call("1", "7", Day(20)).Call("1", "1", Day(21))
            .Call("2", "9", Day(21))
            .At(Day(25), settings, innGroups: []);

        Assert.Empty(new ConflictRule().Evaluate(input));
    }

    [Fact]
    public void A_conflict_that_holds_keeps_its_key_so_the_head_is_alerted_once()
    {
        var builder = new ClientBaseBuilder().Company("1", "7").Call("1", "9", Day(20));

        var first = Assert.Single(new ConflictRule().Evaluate(builder.At(Day(21))));
        var later = Assert.Single(new ConflictRule().Evaluate(builder.At(Day(30))));

        Assert.Equal(first.Key, later.Key);
    }
}
