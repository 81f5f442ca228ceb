using System.Globalization;
using CrmBridge.Core.Kpi;
using CrmBridge.Core.Rules;
using CrmBridge.Notifications;
using ScottPlot;

namespace CrmBridge.Digest;

/// <summary>
/// The team's plan against fact in one picture: per manager four rows (calls, meetings, deals created, deals won),
/// each with a bar for yesterday and one for the month so far, as a percentage of the plan and labelled "fact/plan".
/// Percentages put calls (dozens) and won deals (one or two) on one axis, which raw counts could not on a phone screen.
/// A manager without a plan gets no bar, only the facts and "без плана".
/// </summary>
internal static class PlanFactChart
{
    public const int Width = 800;
    private const int HeaderHeight = 150;
    private const int RowHeight = 46;
    private const int MaxHeight = 2400;
    private const double MaxPercent = 150;

    private static readonly Color YesterdayColor = Color.FromHex("#4A90D9");
    private static readonly Color MonthColor = Color.FromHex("#F5A623");
    private static readonly Color NoPlanColor = Colors.Gray;

    /// <summary>Working days (Monday to Friday) from the 1st of the month to yesterday: what the month's plan multiplies.</summary>
    public static int WorkingDaysSoFar(KpiReport report, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(report);
        var calendar = new PortalCalendar(zone);
        var first = calendar.DateOf(report.Month.From);
        var today = calendar.DateOf(report.Yesterday.To);
        var count = 0;
        for (var day = first; day < today; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The rows the chart draws, one per manager and figure; Plan null when the manager has none.</summary>
    public static IReadOnlyList<PlanFactRow> Rows(KpiReport report, TimeZoneInfo zone, DigestTexts texts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(texts);
        var days = WorkingDaysSoFar(report, zone);
        var months = report.MonthDays.ToDictionary(day => day.Manager.Key, StringComparer.Ordinal);
        var rows = new List<PlanFactRow>();
        foreach (var day in report.Days)
        {
            var month = months.GetValueOrDefault(day.Manager.Key);
            var plan = day.Plan;
            (string Name, int Yesterday, int Month, int? Daily)[] figures =
            [
                (texts.ChartCalls, day.Calls, month?.Calls ?? 0, plan?.Calls),
                (texts.ChartMeetings, day.Meetings, month?.Meetings ?? 0, plan?.Meetings),
                (texts.ChartCreated, day.DealsCreated, month?.DealsCreated ?? 0, plan?.DealsCreated),
                (texts.ChartWon, day.DealsWon, month?.DealsWon ?? 0, plan?.DealsWon),
            ];
            rows.AddRange(figures.Select(figure => new PlanFactRow(
                $"{day.Manager.Name} · {figure.Name}",
                figure.Yesterday,
                figure.Daily,
                figure.Month,
                figure.Daily * days)));
        }

        return rows;
    }

    /// <summary>Null when there is no manager to draw.</summary>
    public static byte[]? Render(KpiReport report, TimeZoneInfo zone, DigestTexts texts)
    {
        var rows = Rows(report, zone, texts);
        if (rows.Count == 0)
        {
            return null;
        }

        using var plot = new Plot();
        plot.Font.Automatic();
        var bars = new List<Bar>();
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            var position = rows.Count - 1 - index;
            if (row.YesterdayPlan is null)
            {
                var text = plot.Add.Text(string.Format(CultureInfo.InvariantCulture, texts.ChartNoPlanRow, row.Yesterday, row.Month), 1, position);
                text.LabelAlignment = Alignment.MiddleLeft;
                text.LabelFontSize = 14;
                text.LabelFontColor = NoPlanColor;
                continue;
            }

            AddBar(plot, bars, position + 0.18, row.Yesterday, row.YesterdayPlan.Value, YesterdayColor);
            AddBar(plot, bars, position - 0.18, row.Month, row.MonthPlan ?? 0, MonthColor);
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        var hundred = plot.Add.VerticalLine(100);
        hundred.Color = Colors.DarkGreen;
        hundred.LinePattern = LinePattern.Dashed;
        var positions = Enumerable.Range(0, rows.Count).Select(index => (double)(rows.Count - 1 - index)).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, rows.Select(row => row.Label).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [0, 50, 100, 150], ["0 %", "50 %", "100 %", "150 %"]);
        plot.Axes.SetLimits(0, MaxPercent + 35, -0.6, rows.Count - 0.4);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = texts.ChartYesterday, FillColor = YesterdayColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = texts.ChartMonth, FillColor = MonthColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = texts.ChartNoPlan, FillColor = NoPlanColor });
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontSize = 14;
        plot.ShowLegend(Edge.Top);
        plot.Title(texts.ChartPlanTitle, size: 20);
        return plot.GetImageBytes(Width, Height(rows.Count), ImageFormat.Png);
    }

    public static int Height(int rowCount) => Math.Min(MaxHeight, HeaderHeight + (RowHeight * Math.Max(rowCount, 4)));

    private static void AddBar(Plot plot, List<Bar> bars, double position, int fact, int plan, Color color)
    {
        // A zero plan (the 1st of the month) has no percentage: the bar stays empty and the label says "fact/0".
        var percent = plan > 0 ? 100.0 * fact / plan : 0;
        bars.Add(new Bar { Position = position, Value = Math.Min(percent, MaxPercent), Size = 0.34, FillColor = color, LineWidth = 0 });
        var label = plot.Add.Text($"{fact}/{plan}", Math.Min(percent, MaxPercent) + 1, position);
        label.LabelAlignment = Alignment.MiddleLeft;
        label.LabelFontSize = 13;
        label.LabelFontColor = Colors.Black;
    }
}

/// <summary>One figure of one manager: yesterday and the month so far, each against its plan (null: no plan).</summary>
internal sealed record PlanFactRow(string Label, int Yesterday, int? YesterdayPlan, int Month, int? MonthPlan);
