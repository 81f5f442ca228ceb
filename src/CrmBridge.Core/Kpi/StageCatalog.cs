using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

/// <summary>Looks up a deal's stage in its pipeline and applies the per-CRM mapping (see <see cref="CrmKpiMapping"/>).</summary>
public sealed class StageCatalog
{
    private readonly Dictionary<(CrmKind, string, string), Dictionary<string, StageInfo>> pipelines = [];

    // The calculators ask for every stage move of every deal, and a base's deals share a handful of account and
    // pipeline strings: the last pipeline found answers again without hashing them (swapped whole, so readers on
    // other threads see one consistent pipeline).
    private LastPipeline? last;

    public StageCatalog(IEnumerable<Pipeline> pipelineList, KpiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(pipelineList);
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var pipeline in pipelineList)
        {
            pipelines[(pipeline.Ref.Crm, pipeline.Ref.Account, pipeline.Ref.Id)] =
                Describe(pipeline, settings.MappingFor(pipeline.Ref.Crm), settings.TopZonePercent);
        }
    }

    /// <summary>Every stage in pipeline order (pipelines by name, stages by sort).</summary>
    public IEnumerable<(CrmRef Pipeline, StageInfo Stage)> AllStages =>
        pipelines
            .SelectMany(pair => pair.Value.Values.Select(stage => (new CrmRef(pair.Key.Item1, pair.Key.Item2, pair.Key.Item3), stage)))
            .OrderBy(item => item.Item2.PipelineName, StringComparer.CurrentCulture)
            .ThenBy(item => item.Item2.Stage.Sort);

    public StageInfo? Find(Deal deal, string? stageId)
    {
        ArgumentNullException.ThrowIfNull(deal);
        if (stageId is null)
        {
            return null;
        }

        var known = last;
        Dictionary<string, StageInfo>? stages;
        if (known is not null && known.Crm == deal.Ref.Crm && ReferenceEquals(known.Account, deal.Ref.Account) && ReferenceEquals(known.Pipeline, deal.PipelineId))
        {
            stages = known.Stages;
        }
        else
        {
            stages = pipelines.GetValueOrDefault((deal.Ref.Crm, deal.Ref.Account, deal.PipelineId));
            last = new LastPipeline(deal.Ref.Crm, deal.Ref.Account, deal.PipelineId, stages);
        }

        return stages is not null && stages.TryGetValue(stageId, out var info) ? info : null;
    }

    private sealed record LastPipeline(CrmKind Crm, string Account, string Pipeline, Dictionary<string, StageInfo>? Stages);

    private static Dictionary<string, StageInfo> Describe(Pipeline pipeline, CrmKpiMapping mapping, int topZonePercent)
    {
        var open = pipeline.Stages.Where(stage => stage.Semantics == StageSemantics.Open).OrderBy(stage => stage.Sort).ToList();
        var needDefault = open.Count >= 2 ? open[1].Id : null;
        var proposalDefault = open.Count >= 3 ? open[2].Id : open.LastOrDefault()?.Id;
        var topCount = open.Count == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(open.Count * topZonePercent / 100m));
        var topDefault = open.Skip(open.Count - topCount).Select(stage => stage.Id).ToHashSet();

        var result = new Dictionary<string, StageInfo>();
        foreach (var stage in pipeline.Stages)
        {
            var position = open.IndexOf(stage);
            var isOpen = position >= 0;
            var probability = stage.Semantics switch
            {
                StageSemantics.Won => 1m,
                StageSemantics.Lost => 0m,
                _ => mapping.StageProbabilities.TryGetValue(stage.Id, out var configured)
                    ? configured
                    : (position + 1) / (decimal)(open.Count + 1),
            };
            result[stage.Id] = new StageInfo(
                pipeline.Name,
                stage,
                position,
                isOpen && (mapping.NeedStageIds.Count > 0 ? mapping.NeedStageIds.Contains(stage.Id) : stage.Id == needDefault),
                isOpen && (mapping.ProposalStageIds.Count > 0 ? mapping.ProposalStageIds.Contains(stage.Id) : stage.Id == proposalDefault),
                isOpen && (mapping.TopZoneStageIds.Count > 0 ? mapping.TopZoneStageIds.Contains(stage.Id) : topDefault.Contains(stage.Id)),
                probability);
        }

        return result;
    }
}
