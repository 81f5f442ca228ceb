namespace CrmBridge.Enrichment;

internal static class EnrichmentActionKinds
{
    /// <summary>Write registry values into empty CRM fields; opt-in by Enrichment:WriteBackEmptyFields.</summary>
    public const string FillEmptyFields = "crm.fill-empty-fields";
}
