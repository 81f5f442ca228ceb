using CrmBridge.Core.Clients;
using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

/// <summary>
/// The department funnel. The snapshot is taken at the period's end from the deals' stage history, so the same function
/// gives "the same figures a year before" (amounts are today's amounts: the CRMs keep no amount history).
/// </summary>
public static class FunnelCalculator
{
    public static FunnelFigures Compute(KpiContext context, TimeWindow period)
    {
        ArgumentNullException.ThrowIfNull(context);
        var asOf = period.To;

        // One pass over the deals, each with its moves at hand (what used to be five passes, each looking them up).
        var open = new List<(Deal deal, StageInfo? stage, (string Currency, decimal Amount) money)>();
        var won = new List<Deal>();
        var lost = new List<Deal>();
        var lostAfterTop = 0;
        var reachedClosing = 0;
        var deals = context.Deals;
        for (var i = 0; i < deals.Count; i++)
        {
            var deal = deals[i];
            var changes = context.ChangesAt(i);
            if (KpiContext.IsOpenAt(deal, asOf))
            {
                open.Add((deal, context.Stages.Find(deal, KpiContext.StageAt(deal, changes, asOf)), context.MoneyOf(deal)));
            }

            if (deal.Outcome == DealOutcome.Won && period.Contains(deal.ClosedAt))
            {
                won.Add(deal);
            }
            else if (deal.Outcome == DealOutcome.Lost && period.Contains(deal.ClosedAt))
            {
                lost.Add(deal);
                lostAfterTop += WasInTopZone(context, deal, changes) ? 1 : 0;
            }

            reachedClosing += context.MovedInto(deal, changes, period, static stage => stage.IsTopZone) ? 1 : 0;
        }

        var top = open.Where(item => item.stage?.IsTopZone == true).ToList();
        var complex = open.Where(item => item.deal.ProductsCount > 1).ToList();

        return new FunnelFigures
        {
            Period = period,
            OpenCount = open.Count,
            OpenAmount = MoneyBag.Sum(open.Select(item => item.money)),
            Forecast = MoneyBag.Sum(open.Select(item => (item.money.Currency, item.money.Amount * (item.stage?.Probability ?? 0m)))),
            Stages = StageFigures(context, period, open),
            LostBeforeClosing = lost.Count - lostAfterTop,
            LostAfterClosing = lostAfterTop,
            ReachedClosing = reachedClosing,
            WonCount = won.Count,
            WonAmount = MoneyBag.Sum(won.Select(context.MoneyOf)),
            AverageDealDays = won.Count == 0 ? null : won.Average(deal => (deal.ClosedAt!.Value - deal.CreatedAt).TotalDays),
            TopZoneCount = top.Count,
            TopZoneAmount = MoneyBag.Sum(top.Select(item => item.money)),
            ComplexCount = complex.Count,
            ComplexAmount = MoneyBag.Sum(complex.Select(item => item.money)),
            ByFunnel = ByFunnel(context, open, lost),
            LostReasons = LostReasons(context, lost),
        };
    }

    /// <summary>A lost deal had reached the TOP zone before it closed.</summary>
    private static bool WasInTopZone(KpiContext context, Deal deal, ArraySegment<StageChange> changes)
    {
        foreach (var change in changes)
        {
            if (change.At <= deal.ClosedAt && context.Stages.Find(deal, change.ToStageId)?.IsTopZone == true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Each open deal and each deal lost in the period goes to the funnel of its client's state when it was created.</summary>
    private static Dictionary<FunnelKind, FunnelSlice> ByFunnel(
        KpiContext context, List<(Deal deal, StageInfo? stage, (string Currency, decimal Amount) money)> open, List<Deal> lost)
    {
        var counts = new int[3];
        var lostCounts = new int[3];
        var amounts = new List<(string, decimal)>[] { [], [], [] };
        foreach (var (deal, _, money) in open)
        {
            var kind = (int)context.Clients.FunnelOf(deal);
            counts[kind]++;
            amounts[kind].Add(money);
        }

        foreach (var deal in lost)
        {
            lostCounts[(int)context.Clients.FunnelOf(deal)]++;
        }

        var result = new Dictionary<FunnelKind, FunnelSlice>();
        foreach (var kind in Enum.GetValues<FunnelKind>())
        {
            result[kind] = new FunnelSlice(counts[(int)kind], MoneyBag.Sum(amounts[(int)kind]), lostCounts[(int)kind]);
        }

        return result;
    }

    private static List<LostReasonFigure> LostReasons(KpiContext context, List<Deal> lost) =>
        lost.GroupBy(deal => string.IsNullOrWhiteSpace(deal.LossReason) ? null : deal.LossReason.Trim())
            .Select(group => new LostReasonFigure(group.Key, group.Count(), MoneyBag.Sum(group.Select(context.MoneyOf))))
            .OrderByDescending(figure => figure.Count)
            .ThenBy(figure => figure.Reason is null)
            .ThenBy(figure => figure.Reason, StringComparer.Ordinal)
            .ToList();

    private static List<StageFigure> StageFigures(
        KpiContext context,
        TimeWindow period,
        List<(Deal deal, StageInfo? stage, (string Currency, decimal Amount) money)> open)
    {
        var stays = StayDays(context, period);
        var figures = new List<StageFigure>();

        // The open deals by stage in one pass (equal stages, as == compares them, share a list), not one pass per stage.
        var byStage = new Dictionary<StageInfo, List<(Deal deal, StageInfo? stage, (string Currency, decimal Amount) money)>>();
        foreach (var item in open)
        {
            if (item.stage is { } known)
            {
                if (!byStage.TryGetValue(known, out var list))
                {
                    byStage[known] = list = [];
                }

                list.Add(item);
            }
        }

        foreach (var (pipeline, stage) in context.Stages.AllStages.Where(item => item.Stage.IsOpen))
        {
            var here = byStage.GetValueOrDefault(stage) ?? [];
            var days = stays.GetValueOrDefault((pipeline.Crm, pipeline.Account, pipeline.Id, stage.Stage.Id));
            figures.Add(new StageFigure(
                stage.PipelineName,
                stage.Stage.Name,
                here.Count,
                MoneyBag.Sum(here.Select(item => item.money)),
                days is { Count: > 0 } ? days.Average() : null)
            {
                Pipeline = pipeline,
                StageId = stage.Stage.Id,
            });
        }

        // Deals on a stage the pipelines do not list (a stage deleted in the CRM) still count, under their raw id.
        foreach (var group in open.Where(item => item.stage is null).GroupBy(item => (item.deal.Ref.Crm, item.deal.Ref.Account, item.deal.PipelineId, item.deal.StageId)))
        {
            figures.Add(new StageFigure(group.Key.PipelineId, group.Key.StageId, group.Count(), MoneyBag.Sum(group.Select(item => item.money)), null)
            {
                Pipeline = group.First().deal.Ref.Sibling(group.Key.PipelineId),
                StageId = group.Key.StageId,
            });
        }

        return figures;
    }

    /// <summary>Days each stay lasted, for stays that ended inside the period; a deal's first stay starts at its creation.</summary>
    private static Dictionary<(CrmKind, string, string, string), List<double>> StayDays(KpiContext context, TimeWindow period)
    {
        var result = new Dictionary<(CrmKind, string, string, string), List<double>>();
        for (var i = 0; i < context.Deals.Count; i++)
        {
            var deal = context.Deals[i];
            var enteredAt = deal.CreatedAt;
            foreach (var change in context.ChangesAt(i))
            {
                if (change.FromStageId is { } from && period.Contains(change.At))
                {
                    var key = (deal.Ref.Crm, deal.Ref.Account, deal.PipelineId, from);
                    if (!result.TryGetValue(key, out var list))
                    {
                        result[key] = list = [];
                    }

                    list.Add((change.At - enteredAt).TotalDays);
                }

                enteredAt = change.At;
            }
        }

        return result;
    }
}
