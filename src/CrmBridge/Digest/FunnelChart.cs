using CrmBridge.Core.Kpi;
using ScottPlot;

namespace CrmBridge.Digest;

/// <summary>A horizontal bar per open stage, in the funnel's main currency, as a PNG for sendPhoto.</summary>
internal static class FunnelChart
{
    private const int Width = 800;
    private const int BarHeight = 40;

    /// <summary>Null when the funnel has nothing to draw.</summary>
    public static byte[]? Render(FunnelFigures funnel, string title)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        var currency = funnel.OpenAmount.Amounts.OrderByDescending(pair => pair.Value).Select(pair => pair.Key).FirstOrDefault();
        if (currency is null || funnel.Stages.Count == 0)
        {
            return null;
        }

        // Top of the funnel at the top of the picture: the first stage gets the highest position.
        var stages = funnel.Stages;
        var positions = Enumerable.Range(0, stages.Count).Select(index => (double)(stages.Count - 1 - index)).ToArray();
        var labels = stages.Select(stage => $"{stage.StageName} ({stage.Count})").ToArray();
        var values = stages.Select(stage => (double)stage.Amount[currency]).ToArray();

        using var plot = new Plot();
        var bars = plot.Add.Bars(positions, values);
        bars.Horizontal = true;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, labels);
        plot.Axes.Margins(left: 0);
        plot.Title($"{title}, {currency}");
        plot.Font.Automatic();
        return plot.GetImageBytes(Width, 120 + (BarHeight * stages.Count), ImageFormat.Png);
    }
}
