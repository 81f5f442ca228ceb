using System.Text.Json;
using CrmBridge.Core.Model;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace CrmBridge.Storage;

internal sealed class CheckpointStore(LiteDatabase database)
{
    private readonly ILiteCollection<BsonDocument> collection = database.GetCollection(StoreCollections.Checkpoints);

    public SyncCheckpoint? Get(CrmKind crm, string account, string entity)
    {
        var document = collection.FindById(Key(crm, account, entity));
        return document is null
            ? null
            : JsonSerializer.Deserialize(document[StoreCollections.JsonField].AsBinary, StoreJsonContext.Default.SyncCheckpoint);
    }

    public void Save(SyncCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        collection.Upsert(new BsonDocument
        {
            ["_id"] = Key(checkpoint.Crm, checkpoint.Account, checkpoint.Entity),
            [StoreCollections.JsonField] = JsonSerializer.SerializeToUtf8Bytes(checkpoint, StoreJsonContext.Default.SyncCheckpoint),
        });
    }

    // Entity names are connector constants without '/', so the key cannot collide.
    private static string Key(CrmKind crm, string account, string entity) => $"{CrmRef.CrmName(crm)}/{account}/{entity}";
}
