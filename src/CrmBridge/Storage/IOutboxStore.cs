namespace CrmBridge.Storage;

/// <summary>The durable side of the outbox: entries keyed by idempotency key, kept after completion.</summary>
internal interface IOutboxStore : IOutbox
{
    OutboxEntry? Find(string key);

    /// <summary>Pending entries whose time has come, oldest first.</summary>
    IReadOnlyList<OutboxEntry> Due(DateTimeOffset now);

    /// <summary>Entries in one state (or all when null), oldest first: for reports and recovery.</summary>
    IReadOnlyList<OutboxEntry> List(OutboxState? state = null);

    /// <summary>Replaces the stored entry with the same key; committed before returning.</summary>
    void Save(OutboxEntry entry);
}
