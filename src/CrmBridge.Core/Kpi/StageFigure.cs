using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

/// <summary>
/// Open deals on one stage at the report moment, and how long deals stayed on it (stays that ended in the period).
/// <see cref="Pipeline"/> is the pipeline's reference (CRM, account, the CRM's own pipeline id) and
/// <see cref="StageId"/> the CRM's own stage id, so two CRMs' pipelines of one name stay apart.
/// </summary>
public sealed record StageFigure(string PipelineName, string StageName, int Count, MoneyBag Amount, double? AverageDays)
{
    public CrmRef? Pipeline { get; init; }

    public string StageId { get; init; } = "";
}
