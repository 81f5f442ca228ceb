using CrmBridge.Core.Classification;
using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Enrichment;

/// <summary>What the cached registry data says about the cards: quarantine findings, categories, and write-backs to queue.</summary>
internal sealed record EnrichmentReviewResult(
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<(Company Card, CategoryDecision Decision)> Categories,
    IReadOnlyList<PlannedAction> Actions);
