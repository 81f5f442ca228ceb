using LiteDB;

namespace CrmBridge.Storage;

/// <summary>Schema 1: the indexes the repositories query by.</summary>
internal sealed class CreateIndexesMigration : IStoreMigration
{
    public int Version => 1;

    public string Description => "Indexes on INN, owner, modified time and account; outbox state; audit key.";

    public void Apply(LiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        foreach (var name in StoreCollections.Records)
        {
            var records = database.GetCollection(name);
            records.EnsureIndex(StoreCollections.AccountField);
            records.EnsureIndex(StoreCollections.ModifiedField);
        }

        var companies = database.GetCollection(StoreCollections.Companies);
        companies.EnsureIndex(StoreCollections.InnField);
        companies.EnsureIndex(StoreCollections.OwnerField);

        database.GetCollection(StoreCollections.Outbox).EnsureIndex(StoreCollections.StateField);
        database.GetCollection(StoreCollections.Audit).EnsureIndex(StoreCollections.KeyField);
    }
}
