using CrmBridge.Storage;
using LiteDB;

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

        var addOrigin = new CountingMigration(version: 2);
        var migrations = StoreMigrations.All.Append(addOrigin).ToList();

        using (var upgraded = CrmStore.Open(file.Path, migrations))
        {
            Assert.Equal(2, upgraded.SchemaVersion);
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
        using (CrmStore.Open(file.Path, StoreMigrations.All.Append(new CountingMigration(version: 2))))
        {
        }

        var error = Assert.Throws<InvalidOperationException>(() => CrmStore.Open(file.Path));

        Assert.Contains("schema version 2, newer than this build knows (1)", error.Message, StringComparison.Ordinal);
    }

    private sealed class CountingMigration(int version) : IStoreMigration
    {
        public int Runs { get; private set; }

        public int Version => version;

        public string Description => "Test step";

        public void Apply(LiteDatabase database) => Runs++;
    }
}
