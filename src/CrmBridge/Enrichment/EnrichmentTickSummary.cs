namespace CrmBridge.Enrichment;

/// <summary>What one enrichment tick did; INNs deferred are tried again on a later tick.</summary>
internal sealed record EnrichmentTickSummary(int Requests, int Found, int NotFound, int Deferred, IReadOnlyList<string> Problems)
{
    /// <summary>The INNs whose cached answer this tick stored (new or refreshed): their cards are reviewed again.</summary>
    public IReadOnlyList<string> StoredInns { get; init; } = [];

    public static EnrichmentTickSummary Nothing { get; } = new(0, 0, 0, 0, []);
}
