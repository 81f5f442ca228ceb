namespace CrmBridge.Core.Kpi;

/// <summary>One manager's week so far against the five B2B norms of domain.md section 3.</summary>
public sealed record ManagerWeek(
    SalesPerson Manager,
    int NewCategoryACompanies,
    int DecisionMakers,
    int NeedsIdentified,
    int ProposalsSent,
    double? AverageNeedToProposalDays,
    int ClosingDeals,
    int FollowUpCalls,
    int ClosingDealsBelowNorm,
    WeeklyNorms Norms)
{
    public DecisionMakerLevel DecisionMakerLevel =>
        DecisionMakers >= Norms.DecisionMakersVeryGood ? DecisionMakerLevel.VeryGood
        : DecisionMakers >= Norms.DecisionMakers ? DecisionMakerLevel.Normal
        : DecisionMakerLevel.BelowNorm;

    public bool NewCompaniesMet => NewCategoryACompanies >= Norms.NewCategoryACompanies;

    public bool NeedsMet => NeedsIdentified >= Norms.NeedsIdentified;

    public bool ProposalsMet => ProposalsSent >= Norms.ProposalsSent;

    /// <summary>Every deal in closing got its follow-up calls (true when none is in closing: nothing is owed).</summary>
    public bool FollowUpMet => ClosingDealsBelowNorm == 0;
}
