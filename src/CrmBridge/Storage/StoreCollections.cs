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
    /// <summary>Schema 2 and before: stage moves, a document each (now inside their deal's document).</summary>
    public const string StageChanges = "stage_changes";
    public const string OwnerChanges = "owner_changes";
    public const string Checkpoints = "checkpoints";
    public const string Values = "values";
    public const string Enrichment = "enrichment";
    public const string Audit = "audit";
    public const string Outbox = "outbox";
    public const string Accounts = "accounts";
    public const string Changed = "changed";
    public const string Due = "due";

    public static IReadOnlyList<string> Records { get; } =
        [Companies, Persons, Deals, Activities, Managers, Pipelines, StageChanges, OwnerChanges];

    /// <summary>A value stored as JSON (UTF-8 bytes): checkpoints, profiles, outbox entries; records up to schema 1.</summary>
    public const string JsonField = "json";

    /// <summary>Schema 1 only: "crm:account" of a record.</summary>
    public const string AccountField = "account";

    /// <summary>Schema 1 only: ModifiedAt as UTC ticks.</summary>
    public const string ModifiedField = "modified";

    /// <summary>Schema 1 only: the company's INN key and owner.</summary>
    public const string InnField = "inn";
    public const string OwnerField = "owner";
    public const string StateField = "state";
    public const string KeyField = "key";
}
