using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

/// <summary>The whole KPI report for the morning of <c>now</c> in the portal's time zone.</summary>
public static class KpiReportBuilder
{
    public static KpiReport Build(ClientBase clientBase, KpiSettings settings, DateTimeOffset now, TimeZoneInfo zone)
    {
        var context = KpiContext.From(clientBase, settings, zone, now);
        var month = KpiWindows.ThisMonth(now, zone);
        return new KpiReport
        {
            AsOf = now,
            Currency = settings.Currency.BaseCurrency,
            Yesterday = KpiWindows.Yesterday(now, zone),
            Week = KpiWindows.ThisWeek(now, zone),
            Month = month,
            Days = DailyKpiCalculator.Compute(context, KpiWindows.Yesterday(now, zone)),
            Weeks = WeeklyKpiCalculator.Compute(context, KpiWindows.ThisWeek(now, zone)),
            WeekDays = DailyKpiCalculator.Compute(context, KpiWindows.ThisWeek(now, zone)),
            MonthDays = DailyKpiCalculator.Compute(context, month),
            Funnel = FunnelCalculator.Compute(context, month),
            FunnelYearBefore = FunnelCalculator.Compute(context, month.YearBefore()),
            Sufficiency = PlanSufficiencyCalculator.Compute(context, month),
            KeyAccounts = KeyAccountCalculator.Compute(context, new TimeWindow(now - settings.KeyAccountWindow, now)),
            Base = BaseStructure.Compute(context),
        };
    }
}
