using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Tests.AmoCrm;

/// <summary>
/// The real LiteDB store (in memory) with a hook after each durable key-value write, so that a test can
/// simulate a crash right after the token pair is stored, or hold a refresh in progress.
/// </summary>
internal sealed class ObservedCrmStore : ICrmStore, IDisposable
{
    private readonly CrmStore _inner;

    public ObservedCrmStore(TimeProvider time)
    {
        _inner = CrmStore.OpenInMemory(time);
        Values = new ObservedValues(_inner.Values);
    }

    public RowMeter Rows => _inner.Rows;

    public ICompanyRepository Companies => _inner.Companies;

    public IRecordRepository<Person> Persons => _inner.Persons;

    public IRecordRepository<Deal> Deals => _inner.Deals;

    public IRecordRepository<Activity> Activities => _inner.Activities;

    public IRecordRepository<Manager> Managers => _inner.Managers;

    public IRecordRepository<Pipeline> Pipelines => _inner.Pipelines;

    public IRecordRepository<StageChange> StageChanges => _inner.StageChanges;

    public IRecordRepository<OwnerChange> OwnerChanges => _inner.OwnerChanges;

    public CheckpointStore Checkpoints => _inner.Checkpoints;

    public ObservedValues Values { get; }

    IKeyValueStore ICrmStore.Values => Values;

    public EnrichmentCache Enrichment => _inner.Enrichment;

    public AuditLog Audit => _inner.Audit;

    public ChangedCompanies Changed => _inner.Changed;

    public AccountCodes Accounts => _inner.Accounts;

    public DueCompanies Due => _inner.Due;

    public ClientBase LoadClientBase() => _inner.LoadClientBase();

    public ClientBase LoadClientBase(IReadOnlyCollection<string> companyKeys) => _inner.LoadClientBase(companyKeys);

    public IReadOnlyList<StageChange> StageChangesOf(IReadOnlyCollection<CrmRef> deals) => _inner.StageChangesOf(deals);

    /// <summary>Outermost transactions run so far (each ends in a commit or a rollback).</summary>
    public int Transactions { get; private set; }

    public void InTransaction(Action work) => _inner.InTransaction(() =>
    {
        Transactions++;
        work();
    });

    public void Dispose() => _inner.Dispose();

    internal sealed class ObservedValues(IKeyValueStore inner) : IKeyValueStore
    {
        /// <summary>Runs after a value is durably set.</summary>
        public Action<string>? AfterSet { get; set; }

        public string? Get(string key) => inner.Get(key);

        public void Set(string key, string value)
        {
            inner.Set(key, value);
            AfterSet?.Invoke(key);
        }

        public void SetSecret(string key, string value)
        {
            inner.SetSecret(key, value);
            AfterSet?.Invoke(key);
        }
    }
}
