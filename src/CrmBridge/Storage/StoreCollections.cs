namespace CrmBridge.Storage;

/// <summary>Collection and field names in the LiteDB file; renaming one needs a migration.</summary>
internal static class StoreCollections
{
    public const string Companies = "companies";
    public const string Persons = "persons";
    public const string Deals = "deals";
    public const string Activities = "activities";
    public const string Managers = "managers";
    public const string Pipelines = "pipelines";
    public const string StageChanges = "stage_changes";
    public const string OwnerChanges = "owner_changes";
    public const string Checkpoints = "checkpoints";
    public const string Values = "values";
    public const string Enrichment = "enrichment";
    public const string Audit = "audit";
    public const string Outbox = "outbox";

    public static IReadOnlyList<string> Records { get; } =
        [Companies, Persons, Deals, Activities, Managers, Pipelines, StageChanges, OwnerChanges];

    /// <summary>The record as JSON (UTF-8 bytes).</summary>
    public const string JsonField = "json";

    /// <summary>"crm:account", for <c>ByAccount</c>.</summary>
    public const string AccountField = "account";

    /// <summary>ModifiedAt as UTC ticks: exact, unlike BSON dates (milliseconds).</summary>
    public const string ModifiedField = "modified";

    public const string InnField = "inn";
    public const string OwnerField = "owner";
    public const string StateField = "state";
    public const string KeyField = "key";
}
