using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Bitrix24.Fakes;

/// <summary>The parts of the Store the connector touches; the rest is not used by these tests.</summary>
internal sealed class InMemoryCrmStore : ICrmStore
{
    public InMemoryCompanyRepository CompanyRecords { get; } = new();

    public ICompanyRepository Companies => CompanyRecords;

    public IRecordRepository<Person> Persons { get; } = new InMemoryRepository<Person>();

    public IRecordRepository<Deal> Deals { get; } = new InMemoryRepository<Deal>();

    public IRecordRepository<Activity> Activities { get; } = new InMemoryRepository<Activity>();

    public IRecordRepository<Manager> Managers { get; } = new InMemoryRepository<Manager>();

    public IRecordRepository<Pipeline> Pipelines { get; } = new InMemoryRepository<Pipeline>();

    public IRecordRepository<StageChange> StageChanges { get; } = new InMemoryRepository<StageChange>();

    public IRecordRepository<OwnerChange> OwnerChanges { get; } = new InMemoryRepository<OwnerChange>();

    public ICheckpointStore Checkpoints { get; } = new InMemoryCheckpointStore();

    public IKeyValueStore Values => throw new NotSupportedException("Not used by the Bitrix24 connector.");

    public IEnrichmentCache Enrichment => throw new NotSupportedException("Not used by the Bitrix24 connector.");

    public IAuditLog Audit => throw new NotSupportedException("Not used by the Bitrix24 connector.");

    public ClientBase LoadClientBase() => throw new NotSupportedException("Not used by the Bitrix24 connector.");
}
