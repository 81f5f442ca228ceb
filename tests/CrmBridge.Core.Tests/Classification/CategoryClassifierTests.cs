using CrmBridge.Core.Classification;
using CrmBridge.Core.Model;

namespace CrmBridge.Core.Tests.Classification;

public class CategoryClassifierTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly CategoryCriteria Criteria = new()
    {
        MinHeadcount = 50,
        MinYearsOnMarket = 3,
        MinRevenue = 100_000_000m,
        AllowedRegions = ["г Москва", "г Санкт-Петербург"],
        MinBranches = 1,
    };

    private static CompanyProfile Profile() => new()
    {
        Inn = "7707083893",
        Source = "test",
        Headcount = 120,
        RegisteredOn = new DateOnly(2020, 5, 1),
        Revenue = 250_000_000m,
        Region = "г москва",
        BranchCount = 4,
        Status = RegistryStatus.Active,
    };

    [Fact]
    public void A_company_meeting_every_criterion_is_category_A_with_a_reason_for_each()
    {
        var decision = CategoryClassifier.Classify(Profile(), Criteria, Today);

        Assert.Equal(CompanyCategory.A, decision.Category);
        Assert.Equal(5, decision.Reasons.Count);
        Assert.Contains("headcount 120 >= 50", decision.Reasons);
        Assert.Contains("6 years on the market >= 3", decision.Reasons);
    }

    [Fact]
    public void Failing_one_criterion_makes_it_category_B_and_names_the_criterion()
    {
        var decision = CategoryClassifier.Classify(Profile() with { Region = "Тверская обл" }, Criteria, Today);

        Assert.Equal(CompanyCategory.B, decision.Category);
        Assert.Contains("region Тверская обл is not allowed", decision.Reasons);
    }

    [Fact]
    public void Years_on_the_market_count_whole_years_up_to_today()
    {
        var justUnder = Profile() with { RegisteredOn = new DateOnly(2023, 11, 24) };
        var exactly = Profile() with { RegisteredOn = new DateOnly(2023, 11, 23) };

        Assert.Equal(CompanyCategory.B, CategoryClassifier.Classify(justUnder, Criteria, Today).Category);
        Assert.Equal(CompanyCategory.A, CategoryClassifier.Classify(exactly, Criteria, Today).Category);
    }

    [Fact]
    public void A_value_the_registry_does_not_know_leaves_the_category_unknown_rather_than_guessed()
    {
        var decision = CategoryClassifier.Classify(Profile() with { Headcount = null }, Criteria, Today);

        Assert.Equal(CompanyCategory.Unknown, decision.Category);
        Assert.Contains("headcount unknown", decision.Reasons);
    }

    [Fact]
    public void A_failed_criterion_decides_B_even_when_another_value_is_unknown()
    {
        var decision = CategoryClassifier.Classify(Profile() with { Headcount = null, Revenue = 1m }, Criteria, Today);

        Assert.Equal(CompanyCategory.B, decision.Category);
    }

    [Fact]
    public void Criteria_left_empty_are_not_applied()
    {
        var decision = CategoryClassifier.Classify(Profile() with { Headcount = 1 }, new CategoryCriteria { MinRevenue = 1m }, Today);

        Assert.Equal(CompanyCategory.A, decision.Category);
        Assert.Single(decision.Reasons);
    }
}
