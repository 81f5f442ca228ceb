using CrmBridge.Core.Clients;
using CrmBridge.Core.Model;

namespace CrmBridge.Core.Tests.Clients;

public class AbcdeTests
{
    private const string Inn = "7707083893";

    // Thresholds: A from 2 000 000 income with high potential, B from 500 000; potential also from registry revenue
    // of at least 1 000 000 000. Income counts wins closed after day 634 (12 months before day 1000).
    private static readonly ClientSettings Settings = new() { TopIncome = 2_000_000m, HighIncome = 500_000m, PotentialMinRevenue = 1_000_000_000m };

    [Theory]
    // 1 500 000 + 1 500 000 = 3 000 000 ≥ 2 000 000 and category A (high potential); margins 300 000 + 200 000.
    [InlineData("W900:1500000:300000 W950:1500000:200000", CompanyCategory.A, null, ClientCategory.A, 3_000_000, 500_000)]
    // The same income, category B (low potential): high income alone is B.
    [InlineData("W900:1500000:300000 W950:1500000:200000", CompanyCategory.B, null, ClientCategory.B, 3_000_000, 500_000)]
    // 600 000 ≥ 500 000 but < 2 000 000, category A: B.
    [InlineData("W950:600000:50000", CompanyCategory.A, null, ClientCategory.B, 600_000, 50_000)]
    // 100 000 < 500 000 with category A: low profit, high potential.
    [InlineData("W950:100000:10000", CompanyCategory.A, null, ClientCategory.C, 100_000, 10_000)]
    // 100 000 with category B: low and low.
    [InlineData("W950:100000:10000", CompanyCategory.B, null, ClientCategory.D, 100_000, 10_000)]
    // Category unknown and no registry revenue: potential unknown, no letter is guessed.
    [InlineData("W950:100000:10000", null, null, ClientCategory.Unknown, 100_000, 10_000)]
    // Category unknown but the registry says revenue 2 000 000 000 ≥ 1 000 000 000: high potential, C.
    [InlineData("W950:100000:10000", null, 2_000_000_000d, ClientCategory.C, 100_000, 10_000)]
    // Margins −400 000 + 100 000 = −300 000 < 0: E, whatever the income.
    [InlineData("W900:1500000:-400000 W950:1500000:100000", CompanyCategory.A, null, ClientCategory.E, 3_000_000, -300_000)]
    // The win of day 500 is outside the 12 months: income 0, category A → C; no won deal in the window, margin 0.
    [InlineData("W500:3000000:100000 O990", CompanyCategory.A, null, ClientCategory.C, 0, 0)]
    public void Grade_inside_a_channel_follows_income_margin_and_potential(
        string events, CompanyCategory? category, double? revenue, ClientCategory expected, int income, int margin)
    {
        var book = ClientTable.Book(new ClientTable().Client("1", events, category, Inn, registryRevenue: (decimal?)revenue).Build(), Settings);

        var grade = Assert.Single(book.GradesOf(0));

        Assert.Equal((expected, (decimal)income, (decimal?)margin), (grade.Grade, grade.Income, grade.Margin));
    }

    [Fact]
    public void Without_a_margin_on_every_won_deal_the_grade_says_no_margin_data_instead_of_guessing_E()
    {
        // 1 500 000 + 1 500 000 with category A is A; the second win carries no margin, so E was not checked.
        var book = ClientTable.Book(new ClientTable().Client("1", "W900:1500000:-400000 W950:1500000", CompanyCategory.A).Build(), Settings);

        var grade = Assert.Single(book.GradesOf(0));

        Assert.Equal(ClientCategory.A, grade.Grade);
        Assert.False(grade.HasMarginData);
        Assert.Contains("no margin data", grade.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_sales_channel_is_graded_on_its_own_income()
    {
        // Bitrix24 pipeline "0": 3 000 000 with category A → A. amoCRM pipeline "555": 100 000 → C.
        var book = ClientTable.Book(
            new ClientTable().Client("1", "W900:1500000:1 W950:1500000:1 W950:100000:1@amo", CompanyCategory.A, Inn).Build(), Settings);

        var grades = book.GradesOf(0).OrderBy(g => g.Pipeline.Crm).Select(g => (g.Pipeline.Crm, g.Pipeline.Id, g.Grade));

        Assert.Equal([(CrmKind.Bitrix24, "0", ClientCategory.A), (CrmKind.AmoCrm, "555", ClientCategory.C)], grades);
    }
}
