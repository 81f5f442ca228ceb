namespace CrmBridge.Core.Kpi;

/// <summary>The weekly B2B norms of domain.md section 3, per manager.</summary>
public sealed record WeeklyNorms
{
    public int NewCategoryACompanies { get; init; } = 50;

    public int DecisionMakers { get; init; } = 10;

    public int DecisionMakersVeryGood { get; init; } = 25;

    public int NeedsIdentified { get; init; } = 5;

    public int ProposalsSent { get; init; } = 5;

    public int FollowUpCallsPerClosingDeal { get; init; } = 3;
}
