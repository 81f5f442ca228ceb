using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using static CrmBridge.Core.Tests.Kpi.KpiBaseBuilder;

namespace CrmBridge.Core.Tests.Kpi;

public class FunnelCalculatorTests
{
    private static readonly DateTimeOffset Now = Msk("2026-11-18 09:00");

    /// <summary>Bitrix24 probabilities from config (0.1/0.2/0.4/0.6/0.8); amoCRM keeps the default position/(4+1).</summary>
    private static readonly KpiSettings Settings = new()
    {
        DepartmentMonthlyPlan = 1_000_000m,
        ManagerPlans = new Dictionary<string, ManagerPlan> { ["anna@x.ru"] = new() { PlanSharePercent = 60m } },
        Mappings = new Dictionary<CrmKind, CrmKpiMapping>
        {
            [CrmKind.Bitrix24] = new()
            {
                StageProbabilities = new Dictionary<string, decimal>
                {
                    ["NEW"] = 0.1m,
                    ["PREPARATION"] = 0.2m,
                    ["PREPAYMENT_INVOICE"] = 0.4m,
                    ["EXECUTING"] = 0.6m,
                    ["FINAL_INVOICE"] = 0.8m,
                },
            },
        },
    };

    private static ClientBase November() => new KpiBaseBuilder()
        .Manager(CrmKind.Bitrix24, "7", "Anna", "anna@x.ru")
        .Manager(CrmKind.AmoCrm, "123", "Anna", "anna@x.ru")
        .Manager(CrmKind.Bitrix24, "9", "Boris", "boris@x.ru")
        .Deal(CrmKind.Bitrix24, "F1", "7", "2026-11-02 10:00", "NEW", 100_000m)
        .Deal(CrmKind.Bitrix24, "F2", "7", "2026-10-01 10:00", "EXECUTING", 200_000m, products: 3)
        .Move(CrmKind.Bitrix24, "F2", "NEW", "EXECUTING", "2026-11-05 10:00")
        .Deal(CrmKind.AmoCrm, "F3", "123", "2026-11-03 10:00", "1004", 1_000m, currency: "USD", products: 2)
        .Move(CrmKind.AmoCrm, "F3", "1001", "1004", "2026-11-10 10:00")
        .Deal(CrmKind.Bitrix24, "F4", "9", "2026-09-01 10:00", "WON", 500_000m, DealOutcome.Won, closed: "2026-11-10 10:00")
        .Move(CrmKind.Bitrix24, "F4", "NEW", "FINAL_INVOICE", "2026-11-01 10:00")
        .Move(CrmKind.Bitrix24, "F4", "FINAL_INVOICE", "WON", "2026-11-10 10:00")
        .Deal(CrmKind.Bitrix24, "F5", "9", "2026-11-04 10:00", "LOSE", 50_000m, DealOutcome.Lost, closed: "2026-11-06 10:00")
        .Move(CrmKind.Bitrix24, "F5", "NEW", "LOSE", "2026-11-06 10:00")
        .Deal(CrmKind.AmoCrm, "F6", "123", "2026-10-20 10:00", "143", 3_000m, DealOutcome.Lost, closed: "2026-11-12 10:00", currency: "USD")
        .Move(CrmKind.AmoCrm, "F6", "1001", "1003", "2026-11-02 10:00")
        .Move(CrmKind.AmoCrm, "F6", "1003", "143", "2026-11-12 10:00")
        .Deal(CrmKind.Bitrix24, "F9", "9", "2025-10-15 10:00", "WON", 80_000m, DealOutcome.Won, closed: "2025-11-05 10:00")
        .Move(CrmKind.Bitrix24, "F9", "NEW", "WON", "2025-11-05 10:00")
        .Deal(CrmKind.Bitrix24, "F10", "7", "2025-06-01 10:00", "LOSE", 60_000m, DealOutcome.Lost, closed: "2026-02-01 10:00")
        .Move(CrmKind.Bitrix24, "F10", "NEW", "PREPARATION", "2025-10-01 10:00")
        .Move(CrmKind.Bitrix24, "F10", "PREPARATION", "LOSE", "2026-02-01 10:00")
        .Build();

    private static KpiReport Report() => KpiReportBuilder.Build(November(), Settings, Now, Moscow);

    [Fact]
    public void Total_count_and_forecast_keep_roubles_and_dollars_apart()
    {
        var funnel = Report().Funnel;

        // Open now: F1 100 000 RUB (NEW), F2 200 000 RUB (EXECUTING), F3 1 000 USD (amo 1004).
        Assert.Equal(3, funnel.OpenCount);
        Assert.Equal(MoneyBag.Of("RUB", 300_000m).Add("USD", 1_000m), funnel.OpenAmount);

        // Forecast: 100 000 × 0.1 + 200 000 × 0.6 = 130 000 RUB; 1 000 × 4/5 (4th of 4 open amo stages) = 800 USD.
        Assert.Equal(MoneyBag.Of("RUB", 130_000m).Add("USD", 800m), funnel.Forecast);
    }

    [Fact]
    public void Each_open_stage_shows_its_deals_amount_and_average_stay()
    {
        var stages = Report().Funnel.Stages;

        // "Воронка" (amo) sorts before "Продажи" (b24); 4 + 5 open stages.
        Assert.Equal(["Первичный контакт", "Переговоры", "Принимают решение", "Согласование договора", "Новая", "Подготовка", "Счёт на предоплату", "В работе", "Финальный счёт"],
            stages.Select(stage => stage.StageName));
        var contract = stages[3];
        Assert.Equal((1, 1_000m), (contract.Count, contract.Amount["USD"]));
        var executing = stages[7];
        Assert.Equal((1, 200_000m), (executing.Count, executing.Amount["RUB"]));

        // Stays that ended in November: b24 NEW — F2 35 d (1 Oct → 5 Nov), F4 61 d (1 Sep → 1 Nov), F5 2 d → 98 / 3.
        Assert.Equal(98.0 / 3, stages[4].AverageDays!.Value, 6);

        // amo first contact — F3 7 d (3 → 10 Nov), F6 13 d (20 Oct → 2 Nov) → 10; decision (1003) — F6 10 d (2 → 12 Nov).
        Assert.Equal(10.0, stages[0].AverageDays);
        Assert.Equal(10.0, stages[2].AverageDays);

        // FINAL_INVOICE — F4 9 d; EXECUTING — F2 is still there, nothing ended.
        Assert.Equal(9.0, stages[8].AverageDays);
        Assert.Null(executing.AverageDays);
    }

    [Fact]
    public void Lost_at_the_top_is_told_apart_from_lost_after_reaching_closing()
    {
        var funnel = Report().Funnel;

        // F5 lost from NEW; F6 lost after reaching amo 1003 (TOP). Entered TOP this month: F2, F3, F4, F6 = 4.
        Assert.Equal(1, funnel.LostBeforeClosing);
        Assert.Equal(1, funnel.LostAfterClosing);
        Assert.Equal(4, funnel.ReachedClosing);
    }

    [Fact]
    public void Won_deals_give_count_average_check_and_length()
    {
        var funnel = Report().Funnel;

        // Only F4 won in November: 500 000 RUB, created 1 Sep, won 10 Nov = 30 + 31 + 9 = 70 days.
        Assert.Equal(1, funnel.WonCount);
        Assert.Equal(MoneyBag.Of("RUB", 500_000m), funnel.AverageCheck);
        Assert.Equal(70.0, funnel.AverageDealDays);
    }

    [Fact]
    public void Top_zone_and_complex_deals_are_counted_over_open_deals()
    {
        var funnel = Report().Funnel;

        // TOP: F2 (EXECUTING) and F3 (1004). Complex (> 1 product): F2 (3) and F3 (2).
        Assert.Equal(2, funnel.TopZoneCount);
        Assert.Equal(MoneyBag.Of("RUB", 200_000m).Add("USD", 1_000m), funnel.TopZoneAmount);
        Assert.Equal(2, funnel.ComplexCount);
    }

    [Fact]
    public void The_same_figures_a_year_before_come_from_stage_history()
    {
        var before = Report().FunnelYearBefore;

        // 1–18 Nov 2025: F10 was open (PREPARATION since 1 Oct 2025) → 60 000 × 0.2 = 12 000 forecast.
        // F9 won 5 Nov 2025: 80 000 RUB in 21 days (15 Oct → 5 Nov).
        Assert.Equal(new TimeWindow(Msk("2025-11-01 00:00"), Msk("2025-11-18 09:00")), before.Period);
        Assert.Equal(1, before.OpenCount);
        Assert.Equal(MoneyBag.Of("RUB", 12_000m), before.Forecast);
        Assert.Equal(1, before.WonCount);
        Assert.Equal(MoneyBag.Of("RUB", 80_000m), before.WonAmount);
        Assert.Equal(21.0, before.AverageDealDays);
        Assert.Equal(0, before.LostBeforeClosing + before.LostAfterClosing);
    }

    [Fact]
    public void The_plan_is_compared_with_wins_and_the_rouble_forecast()
    {
        var sufficiency = Report().Sufficiency!;

        // Plan 1 000 000; won in November 500 000 (F4) → 500 000 left; RUB forecast 130 000 (USD not added) → not enough.
        Assert.Equal(500_000m, sufficiency.WonThisMonth);
        Assert.Equal(500_000m, sufficiency.Remaining);
        Assert.Equal(130_000m, sufficiency.Forecast);
        Assert.False(sufficiency.Sufficient);

        // Anna's 60 % = 600 000, nothing won, her forecast is F1 10 000 + F2 120 000. Boris has no share and no line.
        var anna = Assert.Single(sufficiency.Managers);
        Assert.Equal((600_000m, 0m, 130_000m), (anna.Plan, anna.Won, anna.Forecast));
    }

    [Fact]
    public void Without_a_department_plan_there_is_no_sufficiency_figure()
    {
        var report = KpiReportBuilder.Build(November(), Settings with { DepartmentMonthlyPlan = 0 }, Now, Moscow);

        Assert.Null(report.Sufficiency);
    }

    [Fact]
    public void An_empty_base_gives_an_empty_funnel()
    {
        var funnel = KpiReportBuilder.Build(ClientBase.Empty, Settings, Now, Moscow).Funnel;

        Assert.Equal(0, funnel.OpenCount);
        Assert.True(funnel.Forecast.IsEmpty);
        Assert.Null(funnel.AverageDealDays);
        Assert.True(funnel.AverageCheck.IsEmpty);
    }
}
