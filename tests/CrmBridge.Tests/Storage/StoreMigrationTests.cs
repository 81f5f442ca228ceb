using System.Text.Json;
using CrmBridge.Storage;
using CrmBridge.Storage.Bson;
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

    [Fact]
    public void Stage_moves_and_change_marks_written_by_schema_2_read_back_the_same_after_the_upgrade()
    {
        var deal = TestRecords.Deal("5") with { IsDeleted = false };
        var moves = new[]
        {
            TestRecords.StageChange("101") with { FromStageId = null, ToStageId = "C0:NEW", At = TestRecords.Moscow.AddDays(-2) },
            TestRecords.StageChange("102") with { FromStageId = "C0:NEW", ToStageId = "C0:WON", ByUserId = null },
            TestRecords.StageChange("103") with { Deal = TestRecords.Ref("6") },
        };
        Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
        string markedKey;
        using (var database = new LiteDatabase(new ConnectionString { Filename = file.Path, Connection = ConnectionType.Direct }))
        {
            // The layout main wrote: a document per move in "stage_changes", a document per change mark.
            StoreMigrations.Apply(database, [new CreateIndexesMigration(), new CompactRecordsMigration()]);
            var accounts = new AccountCodes(database);
            new RecordRepository<CrmBridge.Core.Model.Deal>(database, new DealCodec(), accounts).Upsert([deal]);
            new RecordRepository<CrmBridge.Core.Model.StageChange>(database, new StageChangeCodec(), accounts).Upsert(moves);
            markedKey = accounts.Key(TestRecords.Ref("1"));
            database.GetCollection(StoreCollections.Changed).Insert(new BsonDocument { ["_id"] = markedKey });
            database.GetCollection(StoreCollections.Changed).Insert(new BsonDocument { ["_id"] = ChangedCompanies.Everything });
        }

        using (var store = CrmStore.Open(file.Path))
        {
            Assert.Equal(Newest, store.SchemaVersion);
            RecordAssert.SameFields(deal, store.Deals.Find(deal.Ref));
            Assert.Equal(1, store.Deals.Count());
            var stored = store.StageChanges.All();
            Assert.Equal(moves.Length, stored.Count);
            foreach (var move in moves)
            {
                RecordAssert.SameFields(move, Assert.Single(stored, s => s.Ref == move.Ref));
            }

            Assert.Equal(new[] { markedKey, ChangedCompanies.Everything }.Order(StringComparer.Ordinal), store.Changed.Keys().Order(StringComparer.Ordinal));
        }

        using var reopened = new LiteDatabase(new ConnectionString { Filename = file.Path, Connection = ConnectionType.Direct });
        Assert.False(reopened.CollectionExists(StoreCollections.StageChanges));
    }

    [Fact]
    public void Upgrading_an_encrypted_schema_2_file_shrinks_it_keeps_its_password_and_leaves_no_backup_copy()
    {
        const string password = "correct horse battery staple";
        Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
        var deals = Enumerable.Range(1, 300).Select(i => TestRecords.Deal(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) with { IsDeleted = false }).ToList();
        var moves = deals.SelectMany((deal, i) => Enumerable.Range(0, 10).Select(k => TestRecords.StageChange($"{(i * 10) + k + 1}") with { Deal = deal.Ref })).ToList();
        using (var database = new LiteDatabase(new ConnectionString { Filename = file.Path, Connection = ConnectionType.Direct, Password = password }))
        {
            StoreMigrations.Apply(database, [new CreateIndexesMigration(), new CompactRecordsMigration()]);
            var accounts = new AccountCodes(database);
            new RecordRepository<CrmBridge.Core.Model.Deal>(database, new DealCodec(), accounts).Upsert(deals);
            new RecordRepository<CrmBridge.Core.Model.StageChange>(database, new StageChangeCodec(), accounts).Upsert(moves);
        }

        var before = new FileInfo(file.Path).Length;
        using (var store = CrmStore.Open(file.Path, password: password))
        {
            Assert.Equal(Newest, store.SchemaVersion);
            Assert.True(store.CompactedBytes > 0, $"{store.CompactedBytes} bytes saved");
            Assert.Equal(moves.Count, store.StageChanges.All().Count);
        }

        // A move was a document of its own and is now a few bytes inside its deal: the file shows it.
        var after = new FileInfo(file.Path).Length;
        Assert.True(after < before * 0.7, $"{before} -> {after} bytes");
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file.Path)!, "*backup*"));
        Assert.Throws<InvalidOperationException>(() => CrmStore.Open(file.Path));
        using (var reopened = CrmStore.Open(file.Path, password: password))
        {
            Assert.Empty(reopened.AppliedMigrations);
            Assert.Equal(0, reopened.CompactedBytes);
            Assert.Equal(deals.Count, reopened.Deals.Count());
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(StateFile.OwnerOnlyFile, File.GetUnixFileMode(file.Path));
        }
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
