using CrmBridge.Core.Model;
using CrmBridge.Storage.Bson;
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

    private CrmStore(LiteDatabase database, IDisposable? exclusive, TimeProvider time, IEnumerable<IStoreMigration> migrations, StoreFile? file)
    {
        this.database = database;
        this.exclusive = exclusive;
        var upgradedFrom = database.UserVersion;
        AppliedMigrations = StoreMigrations.Apply(database, migrations);
        if (file is not null && upgradedFrom > 0 && AppliedMigrations.Count > 0)
        {
            CompactedBytes = StateFileCompaction.Run(database, file.Path, file.Password);
        }

        Accounts = new AccountCodes(database);
        Changed = new ChangedCompanies(database, Accounts);
        Due = new DueCompanies(database, Accounts);
        CompanyRecords = new RecordRepository<Company>(database, new CompanyCodec(), Accounts, Changed, TouchCompanies, Rows);
        Companies = new CompanyRepository(CompanyRecords);
        PersonRecords = new RecordRepository<Person>(database, new PersonCodec(), Accounts, meter: Rows);
        DealRecords = new RecordRepository<Deal>(database, new DealCodec(), Accounts, Changed, TouchCompanyField, Rows);
        ActivityRecords = new RecordRepository<Activity>(database, new ActivityCodec(), Accounts, Changed, TouchCompanyField, Rows);
        ManagerRecords = new RecordRepository<Manager>(database, new ManagerCodec(), Accounts, Changed, TouchEverything, Rows);
        PipelineRecords = new RecordRepository<Pipeline>(database, new PipelineCodec(), Accounts, Changed, TouchEverything, Rows);
        StageChangeRecords = new StageHistory(database, DealRecords, Accounts, Changed, Rows);
        OwnerChangeRecords = new RecordRepository<OwnerChange>(database, new OwnerChangeCodec(), Accounts, Changed, TouchCompanyField, Rows);
        Checkpoints = new CheckpointStore(database);
        Values = new KeyValueStore(database);
        Enrichment = new EnrichmentCache(database);
        Audit = new AuditLog(database);
        Outbox = new OutboxStore(database, time);
    }

    /// <summary>Rows handed to the Store per CRM since it was opened: the progress of a load.</summary>
    public RowMeter Rows { get; } = new();

    public ICompanyRepository Companies { get; }

    public IRecordRepository<Person> Persons => PersonRecords;

    public IRecordRepository<Deal> Deals => DealRecords;

    public IRecordRepository<Activity> Activities => ActivityRecords;

    public IRecordRepository<Manager> Managers => ManagerRecords;

    public IRecordRepository<Pipeline> Pipelines => PipelineRecords;

    public IRecordRepository<StageChange> StageChanges => StageChangeRecords;

    public IRecordRepository<OwnerChange> OwnerChanges => OwnerChangeRecords;

    /// <summary>Companies whose records changed since the rules last saw them.</summary>
    public ChangedCompanies Changed { get; }

    /// <summary>When each evaluated company is next due for the rules.</summary>
    public DueCompanies Due { get; }

    public AccountCodes Accounts { get; }

    private RecordRepository<Company> CompanyRecords { get; }

    private RecordRepository<Person> PersonRecords { get; }

    private RecordRepository<Deal> DealRecords { get; }

    private RecordRepository<Activity> ActivityRecords { get; }

    private RecordRepository<Manager> ManagerRecords { get; }

    private RecordRepository<Pipeline> PipelineRecords { get; }

    private StageHistory StageChangeRecords { get; }

    private RecordRepository<OwnerChange> OwnerChangeRecords { get; }

    public CheckpointStore Checkpoints { get; }

    public IKeyValueStore Values { get; }

    public EnrichmentCache Enrichment { get; }

    public AuditLog Audit { get; }

    public IOutboxStore Outbox { get; }

    /// <summary>The schema steps this open applied (empty when the file was up to date).</summary>
    public IReadOnlyList<IStoreMigration> AppliedMigrations { get; }

    /// <summary>Bytes the file shrank by when this open upgraded an existing file (0 otherwise).</summary>
    public long CompactedBytes { get; }

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
        return Create(database, migrations, time, exclusive, new StoreFile(fullPath, password));
    }

    public static CrmStore OpenInMemory(TimeProvider? time = null) =>
        Create(new LiteDatabase(new MemoryStream()), StoreMigrations.All, time, exclusive: null, file: null);

    public ClientBase LoadClientBase()
    {
        var context = new ReadContext(Accounts);
        var (deals, stageChanges) = DealsAndMoves(DealRecords.Documents(), context);
        return new ClientBase
        {
            Companies = [.. CompanyRecords.All(context).Where(c => !c.IsDeleted)],
            Persons = [.. PersonRecords.All(context).Where(p => !p.IsDeleted)],
            Deals = [.. deals.Where(d => !d.IsDeleted)],
            Activities = [.. ActivityRecords.All(context).Where(a => !a.IsDeleted)],
            Managers = ManagerRecords.All(context),
            Pipelines = PipelineRecords.All(context),
            StageChanges = stageChanges,
            OwnerChanges = OwnerChangeRecords.All(context),
        };
    }

    /// <summary>
    /// The part of the base the rules need for some companies: those cards and every card sharing an INN with one of
    /// them (a client is its INN group), with their deals, stage history, activities and owner changes, and every user
    /// and pipeline. Contact persons are left out: no rule reads them.
    /// </summary>
    public ClientBase LoadClientBase(IReadOnlyCollection<string> companyKeys)
    {
        ArgumentNullException.ThrowIfNull(companyKeys);
        var context = new ReadContext(Accounts);
        var cards = companyKeys.Where(k => k != ChangedCompanies.Everything && !k.StartsWith(ChangedCompanies.InnPrefix, StringComparison.Ordinal));
        var companies = CompanyRecords.ByKeys(cards.Distinct(StringComparer.Ordinal), context).ToList();
        var inns = companies.Select(c => InnKey.Of(c.Inn)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        inns.UnionWith(companyKeys.Where(k => k.StartsWith(ChangedCompanies.InnPrefix, StringComparison.Ordinal)).Select(k => k[ChangedCompanies.InnPrefix.Length..]));
        var keys = companies.Select(c => Accounts.Key(c.Ref)).ToHashSet(StringComparer.Ordinal);
        foreach (var sibling in CompanyRecords.WhereIn(CompanyCodec.InnField, inns, context))
        {
            if (keys.Add(Accounts.Key(sibling.Ref)))
            {
                companies.Add(sibling);
            }
        }

        var (deals, stageChanges) = DealsAndMoves(DealRecords.DocumentsWhereIn(RecordCodec<Deal>.CompanyField, keys), context);
        return new ClientBase
        {
            Companies = [.. companies.Where(c => !c.IsDeleted).OrderBy(c => new BsonValue(Accounts.Key(c.Ref)), database.Collation)],
            Deals = [.. deals.Where(d => !d.IsDeleted)],
            Activities = [.. ActivityRecords.WhereIn(RecordCodec<Activity>.CompanyField, keys, context).Where(a => !a.IsDeleted)],
            Managers = ManagerRecords.All(context),
            Pipelines = PipelineRecords.All(context),
            StageChanges = stageChanges,
            OwnerChanges = OwnerChangeRecords.WhereIn(RecordCodec<OwnerChange>.CompanyField, keys, context),
        };
    }

    public IReadOnlyList<StageChange> StageChangesOf(IReadOnlyCollection<CrmRef> deals)
    {
        ArgumentNullException.ThrowIfNull(deals);
        return StageChangeRecords.Of(deals.Select(Accounts.KnownKey).OfType<string>(), new ReadContext(Accounts));
    }

    /// <summary>Runs a unit of work (a page and its checkpoint) in one transaction.</summary>
    public void InTransaction(Action work) => StoreTransaction.Run(database, Accounts, work);

    /// <summary>
    /// Moves what the log file (NAME-log.db) holds into the data file and empties it, so a rotated secret does not
    /// linger there as an old page copy.
    /// </summary>
    public void Checkpoint() => database.Checkpoint();

    /// <summary>Pages of the file by collection and kind (data, index, ...), with their unused bytes: where the state's size goes.</summary>
    public IReadOnlyList<StorePages> PageUsage()
    {
        var usage = new Dictionary<(string, string), (int Pages, long FreeBytes)>();
        using var reader = database.Execute("SELECT $ FROM $dump");
        while (reader.Read())
        {
            var page = reader.Current.AsDocument;
            var key = (page["collection"].IsString ? page["collection"].AsString : "-", page["pageType"].AsString);
            var (pages, free) = usage.GetValueOrDefault(key);
            usage[key] = (pages + 1, free + page["freeBytes"].AsInt32);
        }

        return [.. usage.Select(p => new StorePages(p.Key.Item1, p.Key.Item2, p.Value.Pages, p.Value.FreeBytes)).OrderByDescending(p => p.Pages)];
    }

    public void Dispose()
    {
        database.Dispose();
        exclusive?.Dispose();
    }

    /// <summary>
    /// A card concerns itself and, when its INN changed, the group it left (marked by INN and resolved when the tick
    /// loads: a query per card here would cost more than the page).
    /// </summary>
    private static void TouchCompanies(IReadOnlyList<(BsonDocument Fresh, BsonDocument? Stored)> changes, ICollection<string> touched)
    {
        foreach (var (fresh, stored) in changes)
        {
            touched.Add(fresh["_id"].AsString);
            if (stored?.Text(CompanyCodec.InnField) is { } before && before != fresh.Text(CompanyCodec.InnField))
            {
                touched.Add(ChangedCompanies.InnPrefix + before);
            }
        }
    }

    /// <summary>A deal, activity or owner change concerns the company it is bound to now and the one it was bound to.</summary>
    private static void TouchCompanyField(IReadOnlyList<(BsonDocument Fresh, BsonDocument? Stored)> changes, ICollection<string> touched)
    {
        foreach (var (fresh, stored) in changes)
        {
            foreach (var document in new[] { fresh, stored })
            {
                if (document?.Text(RecordCodec<Deal>.CompanyField) is { } company)
                {
                    touched.Add(company);
                }
            }
        }
    }

    /// <summary>The deals of the documents and their stage moves, which live in the same documents: one read for both.</summary>
    private (List<Deal> Deals, List<StageChange> Moves) DealsAndMoves(IEnumerable<BsonDocument> documents, ReadContext context)
    {
        var deals = new List<Deal>();
        var moves = new List<StageChange>();
        foreach (var document in documents)
        {
            StageMoves.Read(document, context, moves);
            if (DealRecords.IsRecord(document))
            {
                deals.Add(DealRecords.Read(document, context));
            }
        }

        return (deals, moves);
    }

    /// <summary>Users and pipelines feed every company's findings (who is a manager, names, per-pipeline terms).</summary>
    private static void TouchEverything(IReadOnlyList<(BsonDocument Fresh, BsonDocument? Stored)> changes, ICollection<string> touched) =>
        touched.Add(ChangedCompanies.Everything);

    private static CrmStore Create(LiteDatabase database, IEnumerable<IStoreMigration> migrations, TimeProvider? time, IDisposable? exclusive, StoreFile? file)
    {
        try
        {
            return new CrmStore(database, exclusive, time ?? TimeProvider.System, migrations, file);
        }
        catch
        {
            database.Dispose();
            exclusive?.Dispose();
            throw;
        }
    }

    /// <summary>Where a file-backed Store lives and the password it was opened with (an upgrade's rebuild keeps it).</summary>
    private sealed record StoreFile(string Path, string? Password);
}
