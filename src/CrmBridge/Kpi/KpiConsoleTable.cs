using System.Globalization;
using System.Text;
using CrmBridge.Core.Kpi;

namespace CrmBridge.Kpi;

/// <summary>`crmbridge kpi` without --report: a short plain table of yesterday per manager and the funnel totals.</summary>
internal static class KpiConsoleTable
{
    public static string Render(KpiReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(inv, $"{"manager (yesterday)",-28} {"calls",6} {"out",5} {"meet",5} {"new",5} {"won",5} {"won " + report.Currency,14}");
        foreach (var day in report.Days)
        {
            text.AppendLine(inv, $"{Cut(day.Manager.Name, 28),-28} {day.Calls,6} {day.CallsOut,5} {day.Meetings,5} {day.DealsCreated,5} {day.DealsWon,5} {day.WonAmount[report.Currency],14:0.##}");
        }

        var funnel = report.Funnel;
        text.AppendLine(inv, $"open deals: {funnel.OpenCount}, {funnel.OpenAmount[report.Currency]:0.##} {report.Currency}; forecast {funnel.Forecast[report.Currency]:0.##}");
        text.AppendLine(inv, $"won this month: {funnel.WonCount}, {funnel.WonAmount[report.Currency]:0.##} {report.Currency}");
        return text.ToString();
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
