using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Bitrix24.Fakes;

/// <summary>The LiteDB store (in memory, or in a file that outlives a host), with company upserts counted.</summary>
internal sealed class TestStore : ICrmStore, IDisposable
{
    private readonly CrmStore inner;

    public TestStore(string? path = null)
    {
        inner = path is null ? CrmStore.OpenInMemory() : CrmStore.Open(path);
        CompanyRecords = new CountingCompanyRepository(inner.Companies);
    }

    public CountingCompanyRepository CompanyRecords { get; }

    public RowMeter Rows => inner.Rows;

    public ICompanyRepository Companies => CompanyRecords;

    public IRecordRepository<Person> Persons => inner.Persons;

    public IRecordRepository<Deal> Deals => inner.Deals;

    public IRecordRepository<Activity> Activities => inner.Activities;

    public IRecordRepository<Manager> Managers => inner.Managers;

    public IRecordRepository<Pipeline> Pipelines => inner.Pipelines;

    public IRecordRepository<StageChange> StageChanges => inner.StageChanges;

    public IRecordRepository<OwnerChange> OwnerChanges => inner.OwnerChanges;

    public CheckpointStore Checkpoints => inner.Checkpoints;

    public IKeyValueStore Values => inner.Values;

    public EnrichmentCache Enrichment => inner.Enrichment;

    public AuditLog Audit => inner.Audit;

    public ChangedCompanies Changed => inner.Changed;

    public AccountCodes Accounts => inner.Accounts;

    public DueCompanies Due => inner.Due;

    public ClientBase LoadClientBase() => inner.LoadClientBase();

    public ClientBase LoadClientBase(IReadOnlyCollection<string> companyKeys) => inner.LoadClientBase(companyKeys);

    public IReadOnlyList<StageChange> StageChangesOf(IReadOnlyCollection<CrmRef> deals) => inner.StageChangesOf(deals);

    public void InTransaction(Action work) => inner.InTransaction(work);

    public void Dispose() => inner.Dispose();
}
