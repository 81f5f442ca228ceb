using LiteDB;

namespace CrmBridge.Storage;

/// <summary>The ordered schema steps; the schema version lives in LiteDB's UserVersion.</summary>
internal static class StoreMigrations
{
    /// <summary>Append new steps here with the next version number; never change a released one.</summary>
    public static IReadOnlyList<IStoreMigration> All { get; } = [new CreateIndexesMigration(), new CompactRecordsMigration(), new EmbedStageHistoryMigration()];

    /// <summary>Brings the database up to the newest version of <paramref name="migrations"/>; returns the steps applied.</summary>
    public static IReadOnlyList<IStoreMigration> Apply(LiteDatabase database, IEnumerable<IStoreMigration> migrations)
    {
        ArgumentNullException.ThrowIfNull(database);
        var ordered = migrations.OrderBy(m => m.Version).ToList();
        var newest = ordered.Count == 0 ? 0 : ordered[^1].Version;
        if (database.UserVersion > newest)
        {
            throw new InvalidOperationException(
                $"The database has schema version {database.UserVersion}, newer than this build knows ({newest}); use a newer CrmBridge.");
        }

        var applied = new List<IStoreMigration>();
        foreach (var migration in ordered.Where(m => m.Version > database.UserVersion))
        {
            migration.Apply(database);
            database.UserVersion = migration.Version;
            applied.Add(migration);
        }

        return applied;
    }
}
