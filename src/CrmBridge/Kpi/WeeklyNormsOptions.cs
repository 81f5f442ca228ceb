namespace CrmBridge.Kpi;

/// <summary>The weekly B2B norms per manager (domain.md section 3).</summary>
internal sealed class WeeklyNormsOptions
{
    public int NewCategoryACompanies { get; set; } = 50;

    public int DecisionMakers { get; set; } = 10;

    public int DecisionMakersVeryGood { get; set; } = 25;

    public int NeedsIdentified { get; set; } = 5;

    public int ProposalsSent { get; set; } = 5;

    public int FollowUpCallsPerClosingDeal { get; set; } = 3;
}
