using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using static CrmBridge.Core.Tests.Kpi.KpiBaseBuilder;

namespace CrmBridge.Core.Tests.Kpi;

public class WeeklyKpiCalculatorTests
{
    private static readonly KpiSettings Settings = new();

    /// <summary>Anna works in both CRMs; Boris did nothing. The week of Wednesday 18 Nov 2026 starts Monday 16 Nov 00:00 MSK.</summary>
    private static ClientBase Week47() => new KpiBaseBuilder()
        .Manager(CrmKind.Bitrix24, "7", "Anna", "anna@x.ru")
        .Manager(CrmKind.AmoCrm, "123", "Anna", "anna@x.ru")
        .Manager(CrmKind.Bitrix24, "9", "Boris", "boris@x.ru")
        .Company(CrmKind.Bitrix24, "C1", "Alpha", "7", "2026-11-16 10:00", CompanyCategory.A)
        .Company(CrmKind.AmoCrm, "C2", "Beta", "123", "2026-11-17 10:00", CompanyCategory.A)
        .Company(CrmKind.Bitrix24, "C3", "Gamma", "7", "2026-11-15 23:59", CompanyCategory.A)
        .Company(CrmKind.Bitrix24, "C4", "Delta", "7", "2026-11-16 12:00", CompanyCategory.B)
        .Contact(CrmKind.Bitrix24, "7", "2026-11-16 11:00", decisionMaker: true)
        .Contact(CrmKind.Bitrix24, "7", "2026-11-16 12:00", decisionMaker: false, position: "Генеральный Директор")
        .Contact(CrmKind.Bitrix24, "7", "2026-11-16 13:00", decisionMaker: true, phone: null)
        .Contact(CrmKind.AmoCrm, "123", "2026-11-17 10:00", decisionMaker: false, position: "Бухгалтер")
        .Contact(CrmKind.Bitrix24, "7", "2026-11-15 10:00", decisionMaker: true)
        .Deal(CrmKind.Bitrix24, "D10", "7", "2026-11-02 10:00", "PREPAYMENT_INVOICE", 10_000m)
        .Move(CrmKind.Bitrix24, "D10", "NEW", "PREPARATION", "2026-11-16 10:00")
        .Move(CrmKind.Bitrix24, "D10", "PREPARATION", "PREPAYMENT_INVOICE", "2026-11-17 10:00")
        .Deal(CrmKind.AmoCrm, "L10", "123", "2026-11-01 10:00", "1003", 20_000m)
        .Move(CrmKind.AmoCrm, "L10", "1001", "1002", "2026-11-10 10:00")
        .Move(CrmKind.AmoCrm, "L10", "1002", "1003", "2026-11-16 10:00")
        .Activity(CrmKind.AmoCrm, ActivityKind.Call, "123", "2026-11-17 11:00", deal: "L10")
        .Deal(CrmKind.Bitrix24, "D11", "7", "2026-11-16 09:00", "PREPARATION", 5_000m)
        .Move(CrmKind.Bitrix24, "D11", "NEW", "PREPARATION", "2026-11-17 12:00")
        .Activity(CrmKind.Bitrix24, ActivityKind.Proposal, "7", "2026-11-17 14:00", deal: "D10")
        .Activity(CrmKind.Bitrix24, ActivityKind.Proposal, "7", "2026-11-17 15:00")
        .Deal(CrmKind.Bitrix24, "D12", "7", "2026-10-01 10:00", "EXECUTING", 40_000m, company: "C1")
        .Move(CrmKind.Bitrix24, "D12", "NEW", "EXECUTING", "2026-11-02 10:00")
        .Activity(CrmKind.Bitrix24, ActivityKind.Call, "7", "2026-11-01 10:00", deal: "D12")
        .Activity(CrmKind.Bitrix24, ActivityKind.Call, "7", "2026-11-03 10:00", deal: "D12")
        .Activity(CrmKind.Bitrix24, ActivityKind.Call, "7", "2026-11-05 10:00", company: "C1")
        .Activity(CrmKind.Bitrix24, ActivityKind.Call, "7", "2026-11-06 10:00", direction: Direction.Inbound, deal: "D12")
        .Activity(CrmKind.Bitrix24, ActivityKind.Call, "7", "2026-11-10 10:00", deal: "D12")
        .Deal(CrmKind.Bitrix24, "D13", "7", "2026-10-01 10:00", "WON", 30_000m, DealOutcome.Won, closed: "2026-11-17 10:00")
        .Move(CrmKind.Bitrix24, "D13", "NEW", "FINAL_INVOICE", "2026-11-10 10:00")
        .Move(CrmKind.Bitrix24, "D13", "FINAL_INVOICE", "WON", "2026-11-17 10:00")
        .Activity(CrmKind.Bitrix24, ActivityKind.Call, "7", "2026-11-12 10:00", deal: "D13")
        .Activity(CrmKind.Bitrix24, ActivityKind.Call, "7", "2026-11-17 11:00", deal: "D13")
        .Build();

    private static IReadOnlyList<ManagerWeek> Compute(string now) =>
        WeeklyKpiCalculator.Compute(KpiContext.From(Week47(), Settings), KpiWindows.ThisWeek(Msk(now), Moscow));

    [Fact]
    public void New_category_A_companies_count_only_this_week_and_both_CRMs()
    {
        var anna = Compute("2026-11-18 09:00")[0];

        // C1 (Mon, b24) and C2 (Tue, amo) = 2; C3 was added on Sunday 23:59, C4 is category B.
        Assert.Equal(2, anna.NewCategoryACompanies);
        Assert.False(anna.NewCompaniesMet);
    }

    [Fact]
    public void Decision_makers_need_the_flag_or_a_director_position_and_a_contact()
    {
        var anna = Compute("2026-11-18 09:00")[0];

        // Flagged with a phone (Mon 11:00) + "Генеральный Директор" by position = 2.
        // Not: flagged without phone or e-mail, the accountant, the one added on Sunday.
        Assert.Equal(2, anna.DecisionMakers);
        Assert.Equal(DecisionMakerLevel.BelowNorm, anna.DecisionMakerLevel);
    }

    [Fact]
    public void Needs_and_proposals_follow_the_default_stage_positions_and_time_from_need_to_proposal()
    {
        var anna = Compute("2026-11-18 09:00")[0];

        // Needs (second open stage entered this week): D10 (PREPARATION Mon), D11 (PREPARATION Tue) = 2;
        // L10 reached talks (1002) on 10 Nov, last week.
        Assert.Equal(2, anna.NeedsIdentified);

        // Proposals (third open stage entered this week): D10 (Tue), L10 (1003 Mon) = 2, plus the proposal activity
        // that names no deal = 3; the one on D10 is the same proposal, not a second.
        Assert.Equal(3, anna.ProposalsSent);

        // Need → proposal: D10 1 day (Mon 10:00 → Tue 10:00), L10 6 days (10 Nov → 16 Nov); average 3.5.
        Assert.Equal(3.5, anna.AverageNeedToProposalDays);
    }

    [Fact]
    public void Follow_up_calls_are_counted_per_deal_since_it_entered_the_top_zone()
    {
        var anna = Compute("2026-11-18 09:00")[0];

        // TOP zone = last 40 % of open stages: b24 EXECUTING, FINAL_INVOICE; amo 1003, 1004.
        // L10 (in 1003 since 16 Nov): 1 outgoing call. D12 (EXECUTING since 2 Nov): 3 Nov, 5 Nov (company call, no deal),
        // 10 Nov = 3; not the 1 Nov call (before) nor the inbound one. D13 (won Tue): 12 Nov = 1; the call after the win is not.
        Assert.Equal(3, anna.ClosingDeals);
        Assert.Equal(5, anna.FollowUpCalls);
        Assert.Equal(2, anna.ClosingDealsBelowNorm);
        Assert.False(anna.FollowUpMet);
    }

    [Fact]
    public void A_manager_with_an_empty_week_gets_zeros_and_owes_no_follow_up()
    {
        var boris = Compute("2026-11-18 09:00")[1];

        Assert.Equal("Boris", boris.Manager.Name);
        Assert.Equal((0, 0, 0, 0, 0), (boris.NewCategoryACompanies, boris.DecisionMakers, boris.NeedsIdentified, boris.ProposalsSent, boris.ClosingDeals));
        Assert.Null(boris.AverageNeedToProposalDays);
        Assert.True(boris.FollowUpMet);
    }

    [Fact]
    public void Monday_just_after_midnight_starts_an_empty_week_but_deals_in_closing_still_owe_calls()
    {
        var anna = Compute("2026-11-23 00:30")[0];

        // Nothing happened in [23 Nov 00:00, 00:30). D12 and L10 still sit in the TOP zone (3 and 1 calls); D13 was won last week.
        Assert.Equal((0, 0, 0, 0), (anna.NewCategoryACompanies, anna.DecisionMakers, anna.NeedsIdentified, anna.ProposalsSent));
        Assert.Equal(2, anna.ClosingDeals);
        Assert.Equal(4, anna.FollowUpCalls);
        Assert.Equal(1, anna.ClosingDealsBelowNorm);
    }

    [Fact]
    public void Configured_stage_ids_replace_the_positional_defaults()
    {
        var settings = new KpiSettings
        {
            Mappings = new Dictionary<CrmKind, CrmKpiMapping>
            {
                [CrmKind.Bitrix24] = new() { NeedStageIds = ["PREPAYMENT_INVOICE"], ProposalStageIds = ["EXECUTING"], ProposalActivityKinds = [] },
            },
        };

        var anna = WeeklyKpiCalculator.Compute(KpiContext.From(Week47(), settings), KpiWindows.ThisWeek(Msk("2026-11-18 09:00"), Moscow))[0];

        // b24 need = PREPAYMENT_INVOICE: D10 (Tue) = 1; amo keeps the default (L10's need was last week).
        // Proposals: L10 only (no b24 deal entered EXECUTING this week, proposal activities no longer count).
        Assert.Equal(1, anna.NeedsIdentified);
        Assert.Equal(1, anna.ProposalsSent);
    }
}
