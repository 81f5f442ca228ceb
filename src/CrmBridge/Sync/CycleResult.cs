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
    DispatchSummary Dispatch);
