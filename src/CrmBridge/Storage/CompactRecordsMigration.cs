using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CrmBridge.Core.Model;
using CrmBridge.Storage.Bson;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace CrmBridge.Storage;

/// <summary>
/// Schema 2: records leave JSON-inside-BSON for compact documents keyed by account code (about a third of the bytes),
/// the indexes no query uses go, and the indexes of the incremental tick (company, deal, due moment) come. Every
/// stored company is marked changed, so the first tick after the upgrade evaluates the whole base once.
/// </summary>
internal sealed class CompactRecordsMigration : IStoreMigration
{
    private const int Chunk = 5_000;

    public int Version => 2;

    public string Description => "Compact record documents keyed by account code; indexes for the incremental tick.";

    public void Apply(LiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var accounts = new AccountCodes(database);
        Convert(database, accounts, new CompanyCodec(), StoreJsonContext.Default.Company);
        Convert(database, accounts, new PersonCodec(), StoreJsonContext.Default.Person);
        Convert(database, accounts, new DealCodec(), StoreJsonContext.Default.Deal);
        Convert(database, accounts, new ActivityCodec(), StoreJsonContext.Default.Activity);
        Convert(database, accounts, new ManagerCodec(), StoreJsonContext.Default.Manager);
        Convert(database, accounts, new PipelineCodec(), StoreJsonContext.Default.Pipeline);
        Convert(database, accounts, new StageChangeCodec(), StoreJsonContext.Default.StageChange);
        Convert(database, accounts, new OwnerChangeCodec(), StoreJsonContext.Default.OwnerChange);
        new DueCompanies(database, accounts).EnsureIndex();
        if (database.GetCollection(StoreCollections.Companies).Count() > 0)
        {
            new ChangedCompanies(database, accounts).MarkEverything();
        }
    }

    private static void Convert<T>(LiteDatabase database, AccountCodes accounts, RecordCodec<T> codec, JsonTypeInfo<T> json)
        where T : class, IRecord
    {
        var collection = database.GetCollection(codec.Collection);
        foreach (var index in new[] { StoreCollections.AccountField, StoreCollections.ModifiedField, StoreCollections.InnField, StoreCollections.OwnerField })
        {
            collection.DropIndex(index);
        }

        var stale = collection.FindAll().Where(d => d.ContainsKey(StoreCollections.JsonField)).Select(d => d["_id"]).ToList();
        foreach (var chunk in stale.Chunk(Chunk))
        {
            database.BeginTrans();
            foreach (var id in chunk)
            {
                var document = collection.FindById(id);
                var record = JsonSerializer.Deserialize(document[StoreCollections.JsonField].AsBinary, json)
                    ?? throw new InvalidDataException($"Stored {typeof(T).Name} '{id.AsString}' is empty.");
                var compact = new BsonDocument { ["_id"] = accounts.Key(record.Ref) };
                codec.Write(record, compact, accounts);
                collection.Delete(id);
                collection.Upsert(compact);
            }

            database.Commit();
        }

        foreach (var index in codec.Indexes)
        {
            collection.EnsureIndex(index);
        }
    }
}
