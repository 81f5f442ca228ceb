using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Model;
using static CrmBridge.Core.Tests.Dedupe.CompanyBuilder;

namespace CrmBridge.Core.Tests.Dedupe;

public class ProbableDuplicateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(3));

    private static DedupeResult Find(params Company[] cards) => DuplicateFinder.Find(cards, Now);

    [Fact]
    public void A_card_without_INN_matches_another_by_normalized_name_and_says_so()
    {
        var noInn = Bitrix("1").Titled("ООО «Ромашка»").Build();
        var withInn = Amo("2").Titled("ромашка, ооо").WithInn("7707083893").Build();

        var result = Find(noInn, withInn);

        var group = Assert.Single(result.ProbableGroups);
        Assert.Equal(["same name: ромашка"], group.Reasons);
        Assert.Equal([noInn, withInn], group.Cards);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(RuleNames.ProbableDuplicate, finding.Rule);
        Assert.Equal(noInn.Ref, finding.Subject);
        Assert.Equal(withInn.Ref.Key, finding.Data[DedupeDataKeys.Matches]);
    }

    [Fact]
    public void Cards_without_INN_match_by_phone_written_differently()
    {
        var a = Bitrix("1").Titled("Альфа").WithPhones("8 (495) 123-45-67").Build();
        var b = Amo("2").Titled("Бета").WithPhones("+7 495 1234567").Build();

        var group = Assert.Single(Find(a, b).ProbableGroups);

        Assert.Equal(["same phone: +74951234567"], group.Reasons);
    }

    [Fact]
    public void Cards_without_INN_match_by_company_mail_domain_but_not_by_free_mail()
    {
        var a = Bitrix("1").Titled("Альфа").WithEmails("ivan@romashka.ru", "ivan@mail.ru").Build();
        var b = Bitrix("2").Titled("Бета").WithEmails("sales@ROMASHKA.ru").Build();
        var c = Bitrix("3").Titled("Гамма").WithEmails("petr@mail.ru").Build();

        var group = Assert.Single(Find(a, b, c).ProbableGroups);

        Assert.Equal(["same e-mail domain: romashka.ru"], group.Reasons);
        Assert.Equal([a, b], group.Cards);
    }

    [Fact]
    public void Several_matching_keys_on_the_same_cards_make_one_group_with_every_reason()
    {
        var a = Bitrix("1").Titled("Ромашка").WithPhones("84951234567").Build();
        var b = Bitrix("2").Titled("ООО Ромашка").WithPhones("+74951234567").Build();

        var group = Assert.Single(Find(a, b).ProbableGroups);

        Assert.Equal(["same name: ромашка", "same phone: +74951234567"], group.Reasons);
        Assert.Equal(2, Find(a, b).Findings.Count);
    }

    [Fact]
    public void Two_different_Romashka_with_different_valid_INNs_stay_apart()
    {
        var result = Find(
            Bitrix("1").Titled("ООО «Ромашка»").WithInn("7707083893").WithPhones("84951234567"),
            Amo("2").Titled("Ромашка").WithInn("7736050003").WithPhones("84951234567"));

        Assert.Empty(result.InnGroups);
        Assert.Empty(result.ProbableGroups);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Near_misses_do_not_match()
    {
        var result = Find(
            Bitrix("1").Titled("Ромашка").WithPhones("84951234567"),
            Bitrix("2").Titled("Ромашка Плюс").WithPhones("84951234568"),
            Bitrix("3").Titled("Ромашка-2").WithEmails("a@gmail.com"),
            Bitrix("4").Titled("Ромашко").WithEmails("b@gmail.com"));

        Assert.Empty(result.ProbableGroups);
    }

    [Fact]
    public void A_card_with_an_unverified_INN_still_gets_probable_matches()
    {
        var broken = Bitrix("1").Titled("Ромашка").WithInn("7707083894").Build();
        var good = Amo("2").Titled("Ромашка").WithInn("7707083893").Build();

        var result = Find(broken, good);

        Assert.Single(result.ProbableGroups);
        Assert.Contains(result.Findings, f => f.Rule == RuleNames.ProbableDuplicate && f.Subject == broken.Ref);
        Assert.Contains(result.Findings, f => f.Rule == RuleNames.InvalidInn && f.Subject == broken.Ref);
    }

    [Fact]
    public void A_key_shared_by_too_many_cards_proves_nothing()
    {
        var cards = Enumerable.Range(1, ProbableMatcher.MaxBucketSize + 1)
            .Select(i => Bitrix(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Titled($"Клиент {i}").WithPhones("8 800 100-00-00").Build())
            .ToArray();

        Assert.Empty(Find(cards).ProbableGroups);
    }
}
