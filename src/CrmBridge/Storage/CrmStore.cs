using CrmBridge.Core.Model;
using LiteDB;

namespace CrmBridge.Storage;

/// <summary>
/// The Store over one LiteDB file. LiteDatabase in direct mode is thread-safe within the process,
/// so one instance serves the Quartz jobs and the bot together.
/// </summary>
internal sealed class CrmStore : ICrmStore, IDisposable
{
    /// <summary>The value of Storage:Path that keeps everything in memory (demo runs, tests).</summary>
    public const string InMemoryPath = ":memory:";

    private readonly LiteDatabase database;
    private readonly IDisposable? exclusive;

    private CrmStore(LiteDatabase database, IDisposable? exclusive, TimeProvider time, IEnumerable<IStoreMigration> migrations)
    {
        this.database = database;
        this.exclusive = exclusive;
        AppliedMigrations = StoreMigrations.Apply(database, migrations);
        Companies = new CompanyRepository(database, Rows);
        Persons = new RecordRepository<Person>(database, StoreCollections.Persons, StoreJsonContext.Default.Person, meter: Rows);
        Deals = new RecordRepository<Deal>(database, StoreCollections.Deals, StoreJsonContext.Default.Deal, meter: Rows);
        Activities = new RecordRepository<Activity>(database, StoreCollections.Activities, StoreJsonContext.Default.Activity, meter: Rows);
        Managers = new RecordRepository<Manager>(database, StoreCollections.Managers, StoreJsonContext.Default.Manager, meter: Rows);
        Pipelines = new RecordRepository<Pipeline>(database, StoreCollections.Pipelines, StoreJsonContext.Default.Pipeline, meter: Rows);
        StageChanges = new RecordRepository<StageChange>(database, StoreCollections.StageChanges, StoreJsonContext.Default.StageChange, meter: Rows);
        OwnerChanges = new RecordRepository<OwnerChange>(database, StoreCollections.OwnerChanges, StoreJsonContext.Default.OwnerChange, meter: Rows);
        Checkpoints = new CheckpointStore(database);
        Values = new KeyValueStore(database);
        Enrichment = new EnrichmentCache(database);
        Audit = new AuditLog(database);
        Outbox = new OutboxStore(database, time);
    }

    /// <summary>Rows handed to the Store per CRM since it was opened: the progress of a load.</summary>
    public RowMeter Rows { get; } = new();

    public ICompanyRepository Companies { get; }

    public IRecordRepository<Person> Persons { get; }

    public IRecordRepository<Deal> Deals { get; }

    public IRecordRepository<Activity> Activities { get; }

    public IRecordRepository<Manager> Managers { get; }

    public IRecordRepository<Pipeline> Pipelines { get; }

    public IRecordRepository<StageChange> StageChanges { get; }

    public IRecordRepository<OwnerChange> OwnerChanges { get; }

    public ICheckpointStore Checkpoints { get; }

    public IKeyValueStore Values { get; }

    public IEnrichmentCache Enrichment { get; }

    public IAuditLog Audit { get; }

    public IOutboxStore Outbox { get; }

    /// <summary>The schema steps this open applied (empty when the file was up to date).</summary>
    public IReadOnlyList<IStoreMigration> AppliedMigrations { get; }

    public int SchemaVersion => database.UserVersion;

    /// <summary>
    /// Opens (creating folder and file when missing) the database at <paramref name="path"/>, or an in-memory one for
    /// ":memory:". With a <paramref name="password"/> the file is encrypted by LiteDB (AES).
    /// </summary>
    public static CrmStore Open(string path, TimeProvider? time = null, string? password = null) => Open(path, StoreMigrations.All, time, password);

    public static CrmStore Open(string path, IEnumerable<IStoreMigration> migrations, TimeProvider? time = null, string? password = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (path == InMemoryPath)
        {
            return OpenInMemory(time);
        }

        var fullPath = System.IO.Path.GetFullPath(path);
        StateFile.Prepare(fullPath);

        // LiteDB's direct mode does not keep a second process out, and two writers corrupt the file: hold a lock file.
        var exclusive = LockFile.Acquire(fullPath + ".lock", fullPath);
        LiteDatabase database;
        try
        {
            database = new LiteDatabase(new ConnectionString
            {
                Filename = fullPath,
                Connection = ConnectionType.Direct,
                Password = string.IsNullOrEmpty(password) ? null : password,
            });
        }
        catch (LiteException ex) when (!string.IsNullOrEmpty(password) || ex.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            exclusive.Dispose();

            // LiteDB's message never repeats the password.
            throw new InvalidOperationException(
                $"Storage:Password: cannot open '{fullPath}' with the password given ({ex.Message}); a file written without a password cannot be opened with one, nor the other way round", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or LiteException or ArgumentException or InvalidDataException)
        {
            exclusive.Dispose();
            throw new InvalidOperationException(
                $"Storage:Path: cannot open the database file '{fullPath}': it is not a LiteDB file or cannot be read ({ex.Message})", ex);
        }

        StateFile.Restrict(fullPath);
        return Create(database, migrations, time, exclusive);
    }

    public static CrmStore OpenInMemory(TimeProvider? time = null) =>
        Create(new LiteDatabase(new MemoryStream()), StoreMigrations.All, time, exclusive: null);

    public ClientBase LoadClientBase() => new()
    {
        Companies = [.. Companies.All().Where(c => !c.IsDeleted)],
        Persons = [.. Persons.All().Where(p => !p.IsDeleted)],
        Deals = [.. Deals.All().Where(d => !d.IsDeleted)],
        Activities = [.. Activities.All().Where(a => !a.IsDeleted)],
        Managers = Managers.All(),
        Pipelines = Pipelines.All(),
        StageChanges = StageChanges.All(),
        OwnerChanges = OwnerChanges.All(),
    };

    /// <summary>
    /// Moves what the log file (NAME-log.db) holds into the data file and empties it, so a rotated secret does not
    /// linger there as an old page copy.
    /// </summary>
    public void Checkpoint() => database.Checkpoint();

    public void Dispose()
    {
        database.Dispose();
        exclusive?.Dispose();
    }

    private static CrmStore Create(LiteDatabase database, IEnumerable<IStoreMigration> migrations, TimeProvider? time, IDisposable? exclusive)
    {
        try
        {
            return new CrmStore(database, exclusive, time ?? TimeProvider.System, migrations);
        }
        catch
        {
            database.Dispose();
            exclusive?.Dispose();
            throw;
        }
    }
}
