using CrmBridge.Core.Model;

namespace CrmBridge.Storage;

/// <summary>How far an entity of one CRM account has been read. Advanced only after the page is stored.</summary>
internal sealed record SyncCheckpoint
{
    public required CrmKind Crm { get; init; }

    public required string Account { get; init; }

    /// <summary>Entity name as the connector calls it, e.g. "company", "deal", "activity".</summary>
    public required string Entity { get; init; }

    /// <summary>Changes after this moment have not been read yet.</summary>
    public DateTimeOffset? ModifiedSince { get; init; }

    /// <summary>The last id stored by an interrupted full load, to resume from.</summary>
    public string? LastId { get; init; }

    public DateTimeOffset? LastFullLoadAt { get; init; }

    public DateTimeOffset? LastReconciledAt { get; init; }
}
