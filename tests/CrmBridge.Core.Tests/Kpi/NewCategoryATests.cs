using CrmBridge.Core.Classification;
using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using static CrmBridge.Core.Tests.Kpi.KpiBaseBuilder;

namespace CrmBridge.Core.Tests.Kpi;

public class NewCategoryATests
{
    // The week of Wednesday 2026-11-25 09:00 Moscow is [Monday 2026-11-23 00:00, now).
    private static int Count(KpiBaseBuilder builder) =>
        WeeklyKpiCalculator.Compute(KpiContext.From(builder.Build(), new KpiSettings()), KpiWindows.ThisWeek(Msk("2026-11-25 09:00"), Moscow))[0]
            .NewCategoryACompanies;

    private static KpiBaseBuilder Anna() => new KpiBaseBuilder().Manager(CrmKind.Bitrix24, "7", "Анна", "anna@firm.ru");

    [Fact]
    public void A_card_created_in_the_week_and_classified_A_counts()
    {
        Assert.Equal(1, Count(Anna().Company(CrmKind.Bitrix24, "C1", "Alpha", "7", "2026-11-23 10:00", CompanyCategory.A, classified: "2026-11-24 03:00")));
    }

    [Fact]
    public void An_older_card_first_classified_A_in_the_week_counts()
    {
        // Created on 2026-11-02, enriched and first found A on Tuesday: it joined the A base this week.
        Assert.Equal(1, Count(Anna().Company(CrmKind.Bitrix24, "C1", "Alpha", "7", "2026-11-02 10:00", CompanyCategory.A, classified: "2026-11-24 03:00")));
    }

    [Fact]
    public void A_card_first_classified_A_at_Sunday_23_59_belongs_to_the_week_before()
    {
        Assert.Equal(0, Count(Anna().Company(CrmKind.Bitrix24, "C1", "Alpha", "7", "2026-11-02 10:00", CompanyCategory.A, classified: "2026-11-22 23:59")));
    }

    [Fact]
    public void A_card_A_since_last_week_and_decided_again_this_week_does_not_count_twice()
    {
        var builder = Anna().Company(CrmKind.Bitrix24, "C1", "Alpha", "7", "2026-11-10 10:00", CompanyCategory.A, classified: "2026-11-11 03:00");
        var clientBase = builder.Build();
        var card = clientBase.Companies[0];
        // The registry revenue changed on Tuesday: decided again (still A), first A stays 2026-11-11.
        var redecided = card with { CategoryDecision = card.CategoryDecision! with { DecidedAt = Msk("2026-11-24 03:00") } };

        var week = WeeklyKpiCalculator.Compute(
            KpiContext.From(clientBase with { Companies = [redecided] }, new KpiSettings()), KpiWindows.ThisWeek(Msk("2026-11-25 09:00"), Moscow));

        Assert.Equal(0, week[0].NewCategoryACompanies);
    }

    [Theory]
    [InlineData(CompanyCategory.B)]
    [InlineData(CompanyCategory.Unknown)]
    public void A_card_created_in_the_week_that_is_not_A_does_not_count(CompanyCategory category)
    {
        Assert.Equal(0, Count(Anna().Company(CrmKind.Bitrix24, "C1", "Alpha", "7", "2026-11-23 10:00", category)));
    }
}
