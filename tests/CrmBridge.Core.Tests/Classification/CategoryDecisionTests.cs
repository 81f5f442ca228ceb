using CrmBridge.Core.Classification;
using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;

namespace CrmBridge.Core.Tests.Classification;

public class CategoryDecisionTests
{
    private static readonly PortalCalendar Moscow = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(3));
    private static readonly CategoryCriteria Criteria = new() { MinHeadcount = 50, MinYearsOnMarket = 3 };

    private static CompanyProfile Profile(int headcount, DateOnly registered) => new()
    {
        Inn = "7707083893",
        Source = "test",
        Headcount = headcount,
        RegisteredOn = registered,
    };

    [Fact]
    public void The_decision_is_stored_with_its_reason_and_date_and_kept_while_the_registry_data_is_unchanged()
    {
        // 120 ≥ 50 people, registered 2020-05-01: 6 full years ≥ 3 on 2026-11-23: A.
        var first = CategoryClassifier.Decide(null, Profile(120, new DateOnly(2020, 5, 1)), Criteria, Monday, Moscow);

        var again = CategoryClassifier.Decide(first, Profile(120, new DateOnly(2020, 5, 1)), Criteria, Monday.AddDays(3), Moscow);

        Assert.Equal(CompanyCategory.A, first.Category);
        Assert.Equal(["headcount 120 >= 50", "6 years on the market >= 3"], first.Reasons);
        Assert.Equal((Monday, (DateTimeOffset?)Monday), (first.DecidedAt, first.FirstAAt));
        Assert.Same(first, again);
    }

    [Fact]
    public void A_change_in_the_registry_data_makes_the_decision_again_and_keeps_when_it_first_became_A()
    {
        var first = CategoryClassifier.Decide(null, Profile(120, new DateOnly(2020, 5, 1)), Criteria, Monday, Moscow);

        // The headcount fell to 30 < 50 on Wednesday: B, decided on Wednesday.
        var shrunk = CategoryClassifier.Decide(first, Profile(30, new DateOnly(2020, 5, 1)), Criteria, Monday.AddDays(2), Moscow);
        // Back to 80 on Friday: A again, but it was first A on Monday.
        var grown = CategoryClassifier.Decide(shrunk, Profile(80, new DateOnly(2020, 5, 1)), Criteria, Monday.AddDays(4), Moscow);

        Assert.Equal((CompanyCategory.B, Monday.AddDays(2)), (shrunk.Category, shrunk.DecidedAt));
        Assert.Contains("headcount 30 < 50", shrunk.Reasons);
        Assert.Equal((CompanyCategory.A, Monday.AddDays(4), (DateTimeOffset?)Monday), (grown.Category, grown.DecidedAt, grown.FirstAAt));
    }

    [Fact]
    public void A_company_turning_three_is_classified_again_on_that_day()
    {
        // Registered 2023-11-25: 2 full years on Monday 2026-11-23 (B), 3 on Wednesday 2026-11-25 (A).
        var profile = Profile(120, new DateOnly(2023, 11, 25));
        var monday = CategoryClassifier.Decide(null, profile, Criteria, Monday, Moscow);

        var tuesday = CategoryClassifier.Decide(monday, profile, Criteria, Monday.AddDays(1), Moscow);
        var wednesday = CategoryClassifier.Decide(tuesday, profile, Criteria, Monday.AddDays(2), Moscow);

        Assert.Equal(CompanyCategory.B, monday.Category);
        Assert.Same(monday, tuesday);
        Assert.Equal((CompanyCategory.A, Monday.AddDays(2)), (wednesday.Category, wednesday.DecidedAt));
    }

    [Fact]
    public void New_criteria_make_the_decision_again()
    {
        var first = CategoryClassifier.Decide(null, Profile(120, new DateOnly(2020, 5, 1)), Criteria, Monday, Moscow);

        // At least 200 people now: 120 < 200 is B.
        var stricter = CategoryClassifier.Decide(first, Profile(120, new DateOnly(2020, 5, 1)), Criteria with { MinHeadcount = 200 }, Monday.AddDays(1), Moscow);

        Assert.Equal(CompanyCategory.B, stricter.Category);
    }
}
