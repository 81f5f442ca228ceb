using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using CrmBridge.Notifications;
using ScottPlot;

namespace CrmBridge.Digest;

/// <summary>
/// One funnel picture per pipeline, titled with the pipeline and its CRM: open deals per stage in the pipeline's order,
/// each bar as wide as its deal count and labelled "count · amount", and between stages the share of deals that got
/// further ("→ 62 %": deals on the later stages over deals on this stage or later, from today's open deals).
/// </summary>
internal static class FunnelChart
{
    public const int Width = 800;
    private const int HeaderHeight = 110;
    private const int StageHeight = 70;
    private const int MaxHeight = 2000;
    private const double HalfWidth = 50;

    /// <summary>amoCRM's incoming-leads stage; empty at the top of a funnel it only pushes the real stages down.</summary>
    private static readonly string[] UnsortedNames = ["Неразобранное", "Unsorted", "Incoming leads"];

    /// <summary>Stages grouped by pipeline, in order, leading empty "unsorted" stages dropped, empty pipelines left out.</summary>
    public static IReadOnlyList<PipelineFunnel> Pipelines(FunnelFigures funnel)
    {
        ArgumentNullException.ThrowIfNull(funnel);
        return funnel.Stages
            .GroupBy(stage => stage.Pipeline?.Key ?? stage.PipelineName, StringComparer.Ordinal)
            .Select(group => new PipelineFunnel(
                group.Key,
                group.First().PipelineName,
                group.First().Pipeline?.Crm,
                group.SkipWhile(stage => stage.Count == 0 && UnsortedNames.Contains(stage.StageName.Trim(), StringComparer.OrdinalIgnoreCase)).ToList()))
            .Where(pipeline => pipeline.Stages.Any(stage => stage.Count > 0))
            .ToList();
    }

    /// <summary>Share of the deals on stage <paramref name="index"/> or later that are on a later stage; null when none are.</summary>
    public static double? Conversion(IReadOnlyList<StageFigure> stages, int index)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var here = stages.Skip(index).Sum(stage => stage.Count);
        return here == 0 ? null : (double)stages.Skip(index + 1).Sum(stage => stage.Count) / here;
    }

    public static string CrmName(CrmKind? crm) => crm switch
    {
        CrmKind.Bitrix24 => "Bitrix24",
        CrmKind.AmoCrm => "amoCRM",
        _ => "",
    };

    public static string Title(PipelineFunnel pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return pipeline.Crm is null ? pipeline.Name : $"{pipeline.Name} · {CrmName(pipeline.Crm)}";
    }

    public static string Amount(MoneyBag money, BotLanguage language) =>
        money.IsEmpty ? ShortMoney.Format(0, "RUB", language)
            : string.Join(" + ", money.Amounts.Select(pair => ShortMoney.Format(pair.Value, pair.Key, language)));

    public static string Percent(double share, BotLanguage language) =>
        language == BotLanguage.En ? $"{Math.Round(share * 100):0}%" : $"{Math.Round(share * 100):0} %";

    public static byte[] Render(PipelineFunnel pipeline, BotLanguage language)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var stages = pipeline.Stages;
        var widest = Math.Max(1, stages.Max(stage => stage.Count));
        using var plot = new Plot();
        plot.Font.Automatic();
        var bars = new List<Bar>();
        for (var index = 0; index < stages.Count; index++)
        {
            // Top of the funnel at the top of the picture; a bar centred on 0 so the column narrows like a funnel.
            var position = stages.Count - 1 - index;
            var half = Math.Max(HalfWidth * stages[index].Count / widest, 0.5);
            bars.Add(new Bar
            {
                Position = position,
                ValueBase = -half,
                Value = half,
                Size = 0.7,
                FillColor = stages[index].Count == 0 ? Colors.LightGray : Color.FromHex("#9CC3E6"),
                LineWidth = 0,
            });
        }

        // Labels after the bars: ScottPlot draws in the order plottables were added.
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        for (var index = 0; index < stages.Count; index++)
        {
            var position = stages.Count - 1 - index;
            var label = plot.Add.Text($"{stages[index].Count} · {Amount(stages[index].Amount, language)}", 0, position);
            label.LabelAlignment = Alignment.MiddleCenter;
            label.LabelFontSize = 20;
            label.LabelBold = true;
            label.LabelFontColor = Colors.Black;
            if (index + 1 < stages.Count && Conversion(stages, index) is { } share)
            {
                var arrow = plot.Add.Text($"→ {Percent(share, language)}", HalfWidth, position - 0.5);
                arrow.LabelAlignment = Alignment.MiddleRight;
                arrow.LabelFontSize = 16;
                arrow.LabelFontColor = Colors.DimGray;
            }
        }

        var positions = Enumerable.Range(0, stages.Count).Select(index => (double)(stages.Count - 1 - index)).ToArray();
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, stages.Select(stage => stage.StageName).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = 16;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([], []);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.HideGrid();
        plot.Axes.SetLimits(-HalfWidth - 2, HalfWidth + 2, -0.6, stages.Count - 0.4);
        plot.Title(Title(pipeline), size: 22);
        return plot.GetImageBytes(Width, Height(stages.Count), ImageFormat.Png);
    }

    public static int Height(int stageCount) => Math.Min(MaxHeight, HeaderHeight + (StageHeight * Math.Max(stageCount, 3)));
}

/// <summary>One pipeline's open stages; <see cref="Key"/> is the pipeline's CRM reference, unique across CRMs.</summary>
internal sealed record PipelineFunnel(string Key, string Name, CrmKind? Crm, IReadOnlyList<StageFigure> Stages);
