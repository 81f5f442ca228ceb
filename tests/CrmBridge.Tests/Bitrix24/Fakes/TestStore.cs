using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Bitrix24.Fakes;

/// <summary>The LiteDB store in memory, with company upserts counted.</summary>
internal sealed class TestStore : ICrmStore, IDisposable
{
    private readonly CrmStore inner = CrmStore.OpenInMemory();

    public TestStore() => CompanyRecords = new CountingCompanyRepository(inner.Companies);

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

    public ICheckpointStore Checkpoints => inner.Checkpoints;

    public IKeyValueStore Values => inner.Values;

    public IEnrichmentCache Enrichment => inner.Enrichment;

    public IAuditLog Audit => inner.Audit;

    public ClientBase LoadClientBase() => inner.LoadClientBase();

    public void Dispose() => inner.Dispose();
}
