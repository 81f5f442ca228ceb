using System.Text.Json;
using CrmBridge.Storage;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace CrmBridge.Tests.Storage;

public sealed class StoreMigrationTests : IDisposable
{
    private readonly TempDatabase file = new();

    public void Dispose() => file.Dispose();

    [Fact]
    public void A_new_database_gets_the_newest_schema_version()
    {
        using var store = CrmStore.OpenInMemory();

        Assert.Equal(StoreMigrations.All.Max(m => m.Version), store.SchemaVersion);
    }

    [Fact]
    public void Opening_an_older_database_runs_the_pending_migration_once()
    {
        using (CrmStore.Open(file.Path))
        {
        }

        var addOrigin = new CountingMigration(Newest + 1);
        var migrations = StoreMigrations.All.Append(addOrigin).ToList();

        using (var upgraded = CrmStore.Open(file.Path, migrations))
        {
            Assert.Equal(Newest + 1, upgraded.SchemaVersion);
            Assert.Equal([addOrigin], upgraded.AppliedMigrations);
        }

        using (var reopened = CrmStore.Open(file.Path, migrations))
        {
            Assert.Empty(reopened.AppliedMigrations);
        }

        Assert.Equal(1, addOrigin.Runs);
    }

    [Fact]
    public void A_database_from_a_newer_build_is_refused_with_a_clear_message()
    {
        using (CrmStore.Open(file.Path, StoreMigrations.All.Append(new CountingMigration(Newest + 1))))
        {
        }

        var error = Assert.Throws<InvalidOperationException>(() => CrmStore.Open(file.Path));

        Assert.Contains($"schema version {Newest + 1}, newer than this build knows ({Newest})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_stored_as_json_by_schema_1_read_back_the_same_after_the_upgrade_and_are_evaluated_once()
    {
        var company = TestRecords.Company("1");
        var activity = TestRecords.Activity("5");
        Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
        using (var database = new LiteDatabase(new ConnectionString { Filename = file.Path, Connection = ConnectionType.Direct }))
        {
            StoreMigrations.Apply(database, [new CreateIndexesMigration()]);
            database.GetCollection(StoreCollections.Companies).Insert(SchemaOne(company.Ref, JsonSerializer.SerializeToUtf8Bytes(company, StoreJsonContext.Default.Company)));
            database.GetCollection(StoreCollections.Activities).Insert(SchemaOne(activity.Ref, JsonSerializer.SerializeToUtf8Bytes(activity, StoreJsonContext.Default.Activity)));
        }

        using var store = CrmStore.Open(file.Path);

        Assert.Equal(Newest, store.SchemaVersion);
        RecordAssert.SameFields(company, store.Companies.Find(company.Ref));
        RecordAssert.SameFields(activity, Assert.Single(store.Activities.All()));
        Assert.True(ChangedCompanies.IsEverything(store.Changed.Keys()));
    }

    private static int Newest => StoreMigrations.All.Max(m => m.Version);

    private static BsonDocument SchemaOne(CrmBridge.Core.Model.CrmRef reference, byte[] json) => new()
    {
        ["_id"] = reference.Key,
        [StoreCollections.JsonField] = json,
        [StoreCollections.AccountField] = $"{CrmBridge.Core.Model.CrmRef.CrmName(reference.Crm)}:{reference.Account}",
    };

    private sealed class CountingMigration(int version) : IStoreMigration
    {
        public int Runs { get; private set; }

        public int Version => version;

        public string Description => "Test step";

        public void Apply(LiteDatabase database) => Runs++;
    }
}
