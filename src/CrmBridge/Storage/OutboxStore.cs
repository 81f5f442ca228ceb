using System.Text.Json;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace CrmBridge.Storage;

/// <summary>
/// Outbox entries keyed by idempotency key. Entries are never removed, so a key once run is refused forever,
/// across restarts.
/// </summary>
internal sealed class OutboxStore(LiteDatabase database, TimeProvider time) : IOutboxStore
{
    private readonly ILiteCollection<BsonDocument> collection = database.GetCollection(StoreCollections.Outbox);
    private readonly Lock enqueueLock = new();

    public bool Enqueue(PlannedAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (payloadType, payloadJson) = OutboxPayloadSerializer.Serialize(action.Payload);
        var entry = new OutboxEntry
        {
            Key = action.Key,
            Kind = action.Kind,
            Summary = action.Summary,
            PayloadType = payloadType,
            PayloadJson = payloadJson,
            State = OutboxState.Pending,
            CreatedAt = time.GetUtcNow(),
        };

        lock (enqueueLock)
        {
            var known = Find(action.Key);

            // A dry run executed nothing, so a later run may plan the same action for real.
            if (known is not null && known.State != OutboxState.DryRun)
            {
                return false;
            }

            collection.Upsert(ToDocument(entry));
            return true;
        }
    }

    public OutboxEntry? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var document = collection.FindById(key);
        return document is null ? null : Read(document);
    }

    public IReadOnlyList<OutboxEntry> Due(DateTimeOffset now) =>
        [.. List(OutboxState.Pending).Where(entry => entry.IsDueAt(now))];

    public IReadOnlyList<OutboxEntry> List(OutboxState? state = null)
    {
        var documents = state is { } wanted
            ? collection.Find(Query.EQ(StoreCollections.StateField, wanted.ToString()))
            : collection.FindAll();
        return [.. documents.Select(Read).OrderBy(entry => entry.CreatedAt).ThenBy(entry => entry.Key, StringComparer.Ordinal)];
    }

    public void Save(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!collection.Update(ToDocument(entry)))
        {
            throw new InvalidOperationException($"Outbox action '{entry.Key}' is not stored; enqueue it first.");
        }
    }

    private static BsonDocument ToDocument(OutboxEntry entry) => new()
    {
        ["_id"] = entry.Key,
        [StoreCollections.StateField] = entry.State.ToString(),
        [StoreCollections.JsonField] = JsonSerializer.SerializeToUtf8Bytes(entry, StoreJsonContext.Default.OutboxEntry),
    };

    private static OutboxEntry Read(BsonDocument document) =>
        JsonSerializer.Deserialize(document[StoreCollections.JsonField].AsBinary, StoreJsonContext.Default.OutboxEntry)
        ?? throw new InvalidDataException($"Outbox action '{document["_id"].AsString}' is stored empty.");
}
