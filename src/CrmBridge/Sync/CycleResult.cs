using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Model;
using CrmBridge.Enrichment;
using CrmBridge.Outbox;
using CrmBridge.Rules;

namespace CrmBridge.Sync;

/// <summary>Everything one sync tick did, for logs, `once --report` and the demo.</summary>
internal sealed record CycleResult(
    DateTimeOffset StartedAt,
    IReadOnlyList<SourceResult> Sources,
    EnrichmentTickSummary Enrichment,
    DedupeResult Dedupe,
    IReadOnlyList<Finding> EnrichmentFindings,
    RuleReport Rules,
    DispatchSummary Dispatch)
{
    /// <summary>Every company was evaluated (not only those changed or due).</summary>
    public bool Full { get; init; } = true;

    /// <summary>Companies the tick loaded and evaluated.</summary>
    public int Evaluated { get; init; }
}
