using LiteDB;

namespace CrmBridge.Storage;

/// <summary>Small durable values; each Set is its own committed LiteDB transaction.</summary>
internal sealed class KeyValueStore(LiteDatabase database) : IKeyValueStore
{
    private const string ValueField = "value";
    private readonly ILiteCollection<BsonDocument> collection = database.GetCollection(StoreCollections.Values);

    public string? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return collection.FindById(key)?[ValueField].AsString;
    }

    public void Set(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        collection.Upsert(new BsonDocument { ["_id"] = key, [ValueField] = value });
    }

    public void SetSecret(string key, string value)
    {
        Set(key, value);

        // The log file keeps a copy of every changed page until a checkpoint; a rotating token must not pile up there.
        database.Checkpoint();
    }
}
