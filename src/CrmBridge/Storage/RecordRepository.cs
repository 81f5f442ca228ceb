using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CrmBridge.Core.Model;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace CrmBridge.Storage;

/// <summary>
/// Records of one kind in one collection: {_id: Ref.Key, json: the record, account, modified, plus promoted fields}.
/// Promoted fields are derived from the JSON, so comparing JSON tells whether a record changed.
/// </summary>
internal sealed class RecordRepository<T> : IRecordRepository<T>
    where T : class, IRecord
{
    private readonly LiteDatabase database;
    private readonly ILiteCollection<BsonDocument> collection;
    private readonly JsonTypeInfo<T> typeInfo;
    private readonly Action<T, BsonDocument>? promote;
    private readonly RowMeter? meter;

    public RecordRepository(LiteDatabase database, string collectionName, JsonTypeInfo<T> typeInfo, Action<T, BsonDocument>? promote = null, RowMeter? meter = null)
    {
        this.database = database;
        this.meter = meter;
        collection = database.GetCollection(collectionName);
        this.typeInfo = typeInfo;
        this.promote = promote;
    }

    public static string AccountKey(CrmKind crm, string account) => $"{CrmRef.CrmName(crm)}:{account}";

    public int Upsert(IEnumerable<T> records)
    {
        ArgumentNullException.ThrowIfNull(records);

        // Within one batch the last copy of a reference wins, as if the records had been written one by one.
        var latest = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            latest[record.Ref.Key] = record;
            meter?.Add(record.Ref.Crm, 1);
        }

        if (latest.Count == 0)
        {
            return 0;
        }

        database.BeginTrans();
        try
        {
            var changed = new List<BsonDocument>();
            foreach (var (key, record) in latest)
            {
                var json = JsonSerializer.SerializeToUtf8Bytes(record, typeInfo);
                var stored = collection.FindById(key);
                if (stored is not null && stored[StoreCollections.JsonField].AsBinary.AsSpan().SequenceEqual(json))
                {
                    continue;
                }

                changed.Add(ToDocument(key, record, json));
            }

            collection.Upsert(changed);
            database.Commit();
            return changed.Count;
        }
        catch
        {
            database.Rollback();
            throw;
        }
    }

    public T? Find(CrmRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var document = collection.FindById(reference.Key);
        return document is null ? null : Read(document);
    }

    public IReadOnlyList<T> All() => ReadAll(collection.FindAll());

    public IReadOnlyList<T> ByAccount(CrmKind crm, string account) =>
        ReadAll(collection.Find(Query.EQ(StoreCollections.AccountField, AccountKey(crm, account))));

    public int Count() => collection.Count();

    /// <summary>Records whose promoted field equals the value (the field must be indexed to be fast).</summary>
    public IReadOnlyList<T> Where(string field, BsonValue value) => ReadAll(collection.Find(Query.EQ(field, value)));

    public IReadOnlyList<T> ModifiedSince(DateTimeOffset since) =>
        ReadAll(collection.Find(Query.GTE(StoreCollections.ModifiedField, since.UtcTicks)));

    private BsonDocument ToDocument(string key, T record, byte[] json)
    {
        var document = new BsonDocument
        {
            ["_id"] = key,
            [StoreCollections.JsonField] = json,
            [StoreCollections.AccountField] = AccountKey(record.Ref.Crm, record.Ref.Account),
            [StoreCollections.ModifiedField] = record.ModifiedAt.UtcTicks,
        };
        promote?.Invoke(record, document);
        return document;
    }

    private List<T> ReadAll(IEnumerable<BsonDocument> documents)
    {
        var result = new List<T>();
        foreach (var document in documents)
        {
            result.Add(Read(document));
        }

        return result;
    }

    private T Read(BsonDocument document)
    {
        try
        {
            return JsonSerializer.Deserialize(document[StoreCollections.JsonField].AsBinary, typeInfo)
                ?? throw new JsonException("The stored JSON is null.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(
                $"Stored {typeof(T).Name} '{document["_id"].AsString}' in '{collection.Name}' cannot be read: {ex.Message}", ex);
        }
    }
}
