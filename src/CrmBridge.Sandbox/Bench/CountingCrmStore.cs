using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Sandbox.Bench;

/// <summary>The Store as the connectors see it, counting the records they hand it, so progress can show rows so far.</summary>
internal sealed class CountingCrmStore : ICrmStore
{
    private readonly ICrmStore _inner;
    private readonly RowTally _tally = new();

    public CountingCrmStore(ICrmStore inner)
    {
        _inner = inner;
        Companies = new CountingCompanyRepository(inner.Companies, _tally);
        Persons = new CountingRepository<Person>(inner.Persons, _tally);
        Deals = new CountingRepository<Deal>(inner.Deals, _tally);
        Activities = new CountingRepository<Activity>(inner.Activities, _tally);
        StageChanges = new CountingRepository<StageChange>(inner.StageChanges, _tally);
        OwnerChanges = new CountingRepository<OwnerChange>(inner.OwnerChanges, _tally);
    }

    /// <summary>Records handed to the Store so far (a company updated by its requisite counts again: one row read).</summary>
    public long RowsStored => _tally.Rows;

    public RowMeter Rows => _inner.Rows;

    public ICompanyRepository Companies { get; }

    public IRecordRepository<Person> Persons { get; }

    public IRecordRepository<Deal> Deals { get; }

    public IRecordRepository<Activity> Activities { get; }

    public IRecordRepository<Manager> Managers => _inner.Managers;

    public IRecordRepository<Pipeline> Pipelines => _inner.Pipelines;

    public IRecordRepository<StageChange> StageChanges { get; }

    public IRecordRepository<OwnerChange> OwnerChanges { get; }

    public ICheckpointStore Checkpoints => _inner.Checkpoints;

    public IKeyValueStore Values => _inner.Values;

    public IEnrichmentCache Enrichment => _inner.Enrichment;

    public IAuditLog Audit => _inner.Audit;

    public ClientBase LoadClientBase() => _inner.LoadClientBase();
}
