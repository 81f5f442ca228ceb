using System.Runtime.ExceptionServices;
using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

/// <summary>The whole KPI report for the morning of <c>now</c> in the portal's time zone.</summary>
public static class KpiReportBuilder
{
    public static KpiReport Build(ClientBase clientBase, KpiSettings settings, DateTimeOffset now, TimeZoneInfo zone)
    {
        var context = KpiContext.From(clientBase, settings, zone, now);
        var yesterday = KpiWindows.Yesterday(now, zone);
        var week = KpiWindows.ThisWeek(now, zone);
        var month = KpiWindows.ThisMonth(now, zone);

        // The calculators only read the context, so they run side by side (a million-company report takes about half
        // the time on two cores). What the context builds on first use is built here, before they start; the client
        // book's histories are safe to build from several threads.
        _ = context.CompaniesByRef;
        _ = context.Clients;
        IReadOnlyList<ManagerDay> days = [], weekDays = [], monthDays = [];
        IReadOnlyList<ManagerWeek> weeks = [];
        FunnelFigures? funnel = null, funnelYearBefore = null;
        PlanSufficiency? sufficiency = null;
        IReadOnlyList<KeyAccountShare> keyAccounts = [];
        BaseStructure? baseStructure = null;
        try
        {
            Parallel.Invoke(
                () => funnel = FunnelCalculator.Compute(context, month),
                () => baseStructure = BaseStructure.Compute(context),
                () => funnelYearBefore = FunnelCalculator.Compute(context, month.YearBefore()),
                () => weeks = WeeklyKpiCalculator.Compute(context, week),
                () => keyAccounts = KeyAccountCalculator.Compute(context, new TimeWindow(now - settings.KeyAccountWindow, now)),
                () => days = DailyKpiCalculator.Compute(context, yesterday),
                () => weekDays = DailyKpiCalculator.Compute(context, week),
                () => monthDays = DailyKpiCalculator.Compute(context, month),
                () => sufficiency = PlanSufficiencyCalculator.Compute(context, month));
        }
        catch (AggregateException failed) when (failed.InnerExceptions.Count > 0)
        {
            // The caller sees what a calculator threw, as it did when they ran one after another.
            ExceptionDispatchInfo.Capture(failed.InnerExceptions[0]).Throw();
            throw;
        }

        return new KpiReport
        {
            AsOf = now,
            Currency = settings.Currency.BaseCurrency,
            Yesterday = yesterday,
            Week = week,
            Month = month,
            Days = days,
            Weeks = weeks,
            WeekDays = weekDays,
            MonthDays = monthDays,
            Funnel = funnel!,
            FunnelYearBefore = funnelYearBefore!,
            Sufficiency = sufficiency,
            KeyAccounts = keyAccounts,
            Base = baseStructure!,
        };
    }
}
