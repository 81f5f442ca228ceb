using System.Globalization;
using System.Text;
using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;

namespace CrmBridge.Kpi;

/// <summary>
/// `crmbridge kpi --report FILE.csv`: the same figures as the JSON report, one per row
/// (<c>section;subject;window;metric;value</c>), UTF-8 with BOM and ";" so Excel opens it as it is.
/// </summary>
internal static class KpiCsvWriter
{
    public static void Write(Stream stream, KpiReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var w = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        var money = (MoneyBag bag) => bag[report.Currency];
        void Row(string section, string subject, string window, string metric, decimal value) =>
            w.WriteLine(string.Join(';', Cell(section), Cell(subject), Cell(window), Cell(metric), value.ToString(CultureInfo.InvariantCulture)));

        w.WriteLine("section;subject;window;metric;value");
        foreach (var (window, days) in new[] { ("yesterday", report.Days), ("week", report.WeekDays), ("month", report.MonthDays) })
        {
            foreach (var day in days)
            {
                var who = day.Manager.Email ?? day.Manager.Name;
                Row("manager", who, window, "calls", day.Calls);
                Row("manager", who, window, "callsOut", day.CallsOut);
                Row("manager", who, window, "meetings", day.Meetings);
                Row("manager", who, window, "dealsCreated", day.DealsCreated);
                Row("manager", who, window, "dealsCreatedAmount", money(day.CreatedAmount));
                Row("manager", who, window, "dealsWon", day.DealsWon);
                Row("manager", who, window, "dealsWonAmount", money(day.WonAmount));
            }
        }

        foreach (var week in report.Weeks)
        {
            var who = week.Manager.Email ?? week.Manager.Name;
            Row("manager", who, "week", "newCategoryA", week.NewCategoryACompanies);
            Row("manager", who, "week", "decisionMakers", week.DecisionMakers);
            Row("manager", who, "week", "needs", week.NeedsIdentified);
            Row("manager", who, "week", "proposals", week.ProposalsSent);
            Row("manager", who, "week", "closingCallsShort", week.ClosingDealsBelowNorm);
        }

        var funnel = report.Funnel;
        foreach (var stage in funnel.Stages)
        {
            var subject = $"{(stage.Pipeline is { } p ? CrmRef.CrmName(p.Crm) + ":" + p.Id : "")}/{stage.StageId} {stage.PipelineName} / {stage.StageName}";
            Row("stage", subject, "now", "count", stage.Count);
            Row("stage", subject, "now", "amount", money(stage.Amount));
        }

        Row("funnel", "", "now", "openCount", funnel.OpenCount);
        Row("funnel", "", "now", "openAmount", money(funnel.OpenAmount));
        Row("funnel", "", "now", "forecast", money(funnel.Forecast));
        Row("funnel", "", "month", "wonCount", funnel.WonCount);
        Row("funnel", "", "month", "wonAmount", money(funnel.WonAmount));
        foreach (var (kind, slice) in funnel.ByFunnel)
        {
            Row("funnel", kind.ToString().ToLowerInvariant(), "now", "openCount", slice.OpenCount);
            Row("funnel", kind.ToString().ToLowerInvariant(), "month", "lostCount", slice.LostCount);
        }

        foreach (var (category, count) in report.Base.ByCompanyCategory)
        {
            Row("base", "category", "now", category.ToString(), count);
        }

        foreach (var (grade, count) in report.Base.ByCategory)
        {
            Row("base", "abcde", "now", grade.ToString(), count);
        }

        foreach (var (status, count) in report.Base.ByStatus)
        {
            Row("base", "status", "now", status.ToString(), count);
        }
    }

    private static string Cell(string text) =>
        text.IndexOfAny([';', '"', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
