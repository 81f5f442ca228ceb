using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Model;
using static CrmBridge.Core.Tests.Dedupe.CompanyBuilder;

namespace CrmBridge.Core.Tests.Dedupe;

public class DuplicateFinderTests
{
    private const string Sber = "7707083893";
    private const string Gazprom = "7736050003";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(3));

    private static DedupeResult Find(params Company[] cards) => DuplicateFinder.Find(cards, Now);

    [Fact]
    public void Cards_with_one_INN_in_Bitrix24_and_amoCRM_form_one_group_with_the_older_card_as_master()
    {
        var amo = Amo("500").WithInn(Sber).CreatedDaysAfterBase(0).OwnedBy("11").Build();
        var bitrix = Bitrix("20").WithInn(" 7707 083 893 ").CreatedDaysAfterBase(5).Build();

        var result = Find(bitrix, amo);

        var group = Assert.Single(result.InnGroups);
        Assert.Equal(Sber, group.Inn);
        Assert.Same(amo, group.Master);
        Assert.Equal(MasterReasons.Oldest, group.MasterReason);
        Assert.Equal([bitrix], group.Duplicates);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(RuleNames.Duplicate, finding.Rule);
        Assert.Equal(bitrix.Ref, finding.Subject);
        Assert.Equal(amo.Ref.Key, finding.Data[DedupeDataKeys.MasterRef]);
        Assert.Equal("oldest", finding.Data[DedupeDataKeys.Reason]);
        Assert.Equal("2026-W48", finding.Period);
    }

    [Fact]
    public void A_card_alone_with_its_INN_is_no_group()
    {
        var result = Find(Bitrix("1").WithInn(Sber), Bitrix("2").WithInn(Gazprom));

        Assert.Empty(result.InnGroups);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void The_more_complete_card_wins_when_both_are_equally_old()
    {
        var bare = Bitrix("1").WithInn(Sber).Build();
        var full = Amo("2").WithInn(Sber, "773601001").WithPhones("+74951234567").WithEmails("a@sber.ru").WithSite("sber.ru").Build();

        var group = Assert.Single(Find(bare, full).InnGroups);

        Assert.Same(full, group.Master);
        Assert.Equal(MasterReasons.MoreComplete, group.MasterReason);
    }

    [Fact]
    public void Bitrix24_wins_over_amoCRM_when_age_and_completeness_tie()
    {
        var amo = Amo("1").WithInn(Sber).Build();
        var bitrix = Bitrix("999").WithInn(Sber).Build();

        var group = Assert.Single(Find(amo, bitrix).InnGroups);

        Assert.Same(bitrix, group.Master);
        Assert.Equal(MasterReasons.Bitrix24First, group.MasterReason);
    }

    [Fact]
    public void The_lowest_id_compared_as_a_number_wins_the_last_tie()
    {
        var ten = Bitrix("10").WithInn(Sber).Build();
        var nine = Bitrix("9").WithInn(Sber).Build();

        var group = Assert.Single(Find(ten, nine).InnGroups);

        Assert.Same(nine, group.Master);
        Assert.Equal(MasterReasons.LowestId, group.MasterReason);
    }

    [Fact]
    public void The_master_does_not_depend_on_input_order()
    {
        Company[] cards = [Bitrix("3").WithInn(Sber), Amo("1").WithInn(Sber), Bitrix("2").WithInn(Sber), Amo("4").WithInn(Sber).CreatedDaysAfterBase(-1)];

        var forward = Assert.Single(Find(cards).InnGroups).Master.Ref;
        var backward = Assert.Single(Find([.. cards.Reverse()]).InnGroups).Master.Ref;

        Assert.Equal(new CrmRef(CrmKind.AmoCrm, "firm.amocrm.ru", "4"), forward);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Same_INN_with_another_KPP_is_a_branch_of_the_client_not_a_duplicate()
    {
        var head = Bitrix("1").WithInn(Sber, "773601001").Build();
        var branch = Bitrix("2").WithInn(Sber, "540602001").CreatedDaysAfterBase(3).Build();
        var branchCopy = Amo("3").WithInn(Sber, "540602001").CreatedDaysAfterBase(9).Build();
        var noKpp = Amo("4").WithInn(Sber).CreatedDaysAfterBase(10).Build();

        var result = Find(head, branch, branchCopy, noKpp);

        var group = Assert.Single(result.InnGroups);
        Assert.Same(head, group.Master);
        Assert.Equal([branch], group.Branches);
        Assert.Equal([noKpp, branchCopy], group.Duplicates);
        var branchFinding = Assert.Single(result.Findings, f => f.Rule == RuleNames.Branch);
        Assert.Equal(branch.Ref, branchFinding.Subject);
        Assert.Equal("540602001", branchFinding.Data[DedupeDataKeys.Kpp]);
        Assert.Equal("773601001", branchFinding.Data[DedupeDataKeys.MasterKpp]);
        var copyFinding = Assert.Single(result.Findings, f => f.Subject == branchCopy.Ref);
        Assert.Equal(RuleNames.Duplicate, copyFinding.Rule);
        Assert.Equal(branch.Ref.Key, copyFinding.Data[DedupeDataKeys.MasterRef]);
        Assert.DoesNotContain(result.Findings, f => f.Rule == RuleNames.Duplicate && f.Subject == branch.Ref);
    }

    [Fact]
    public void One_KPP_and_cards_without_KPP_are_plain_duplicates()
    {
        var result = Find(Bitrix("1").WithInn(Sber), Bitrix("2").WithInn(Sber, "773601001"));

        var group = Assert.Single(result.InnGroups);
        Assert.Empty(group.Branches);
        Assert.Single(group.Duplicates);
    }

    [Fact]
    public void The_INN_of_a_requisite_counts_when_the_card_itself_has_none()
    {
        var result = Find(Bitrix("1").WithRequisite(Sber, null), Amo("2").WithInn(Sber).CreatedDaysAfterBase(1));

        Assert.Single(Assert.Single(result.InnGroups).Duplicates);
    }

    [Fact]
    public void An_INN_failing_the_checksum_is_unverified_and_never_a_dedupe_key()
    {
        var first = Bitrix("1").WithInn("7707083894").Titled("Альфа").Build();
        var second = Amo("2").WithInn("7707083894").Titled("Бета").Build();

        var result = Find(first, second);

        Assert.Empty(result.InnGroups);
        Assert.Equal([first, second], result.Unverified);
        var finding = Assert.Single(result.Findings, f => f.Subject == first.Ref);
        Assert.Equal(RuleNames.InvalidInn, finding.Rule);
        Assert.Equal("unverified", finding.Data[DedupeDataKeys.Status]);
        Assert.Equal("INN check digit at position 10 is 4, expected 3", finding.Data[DedupeDataKeys.Reason]);
        Assert.Equal("7707083894", finding.Data[DedupeDataKeys.Inn]);
    }

    [Fact]
    public void An_INN_of_the_wrong_length_is_unverified_with_its_own_reason()
    {
        var result = Find(Bitrix("1").WithInn("77070838"));

        Assert.Equal("INN has 8 characters, expected 10 (legal entity) or 12 (sole trader)", Assert.Single(result.Findings).Data[DedupeDataKeys.Reason]);
    }

    [Fact]
    public void Duplicates_held_by_different_managers_are_flagged_as_an_owner_conflict()
    {
        var master = Bitrix("1").WithInn(Sber).OwnedBy("7").Build();
        var sameOwner = Bitrix("2").WithInn(Sber).OwnedBy("7").CreatedDaysAfterBase(1).Build();
        var otherOwner = Bitrix("3").WithInn(Sber).OwnedBy("8").CreatedDaysAfterBase(2).Build();

        var result = Find(master, sameOwner, otherOwner);

        Assert.True(Assert.Single(result.InnGroups).HasOwnerConflict);
        Assert.Equal("false", result.Findings.Single(f => f.Subject == sameOwner.Ref).Data[DedupeDataKeys.OwnerConflict]);
        var conflict = result.Findings.Single(f => f.Subject == otherOwner.Ref);
        Assert.Equal("true", conflict.Data[DedupeDataKeys.OwnerConflict]);
        Assert.Equal("7", conflict.Data[DedupeDataKeys.OtherOwner]);
        Assert.Equal([[master.Ref, sameOwner.Ref, otherOwner.Ref]], result.InnGroupRefs);
    }

    [Fact]
    public void One_person_owning_cards_in_both_CRMs_is_no_conflict_when_the_identity_says_so()
    {
        var bitrix = Bitrix("1").WithInn(Sber).OwnedBy("7").Build();
        var amo = Amo("2").WithInn(Sber).OwnedBy("5001").CreatedDaysAfterBase(1).Build();

        var result = DuplicateFinder.Find([bitrix, amo], Now, _ => "ivanov@firm.ru");

        Assert.False(Assert.Single(result.InnGroups).HasOwnerConflict);
    }

    [Fact]
    public void Deleted_cards_are_left_out()
    {
        var deleted = Bitrix("2").WithInn(Sber).Build() with { IsDeleted = true };

        Assert.Empty(Find(Bitrix("1").WithInn(Sber), deleted).InnGroups);
    }
}
