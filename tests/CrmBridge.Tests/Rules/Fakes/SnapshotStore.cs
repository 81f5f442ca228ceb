using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Rules.Fakes;

/// <summary>
/// Stand-in for the LiteDB store until it lands: a client base snapshot and the key-value values, which is all the
/// rule step reads and writes. Repositories are not part of the rule step's contract and are not offered.
/// </summary>
internal sealed class SnapshotStore : ICrmStore, IKeyValueStore
{
    private readonly Dictionary<string, string> _values = [];

    public ClientBase Snapshot { get; set; } = ClientBase.Empty;

    public ICompanyRepository Companies => throw new NotSupportedException();

    public IRecordRepository<Person> Persons => throw new NotSupportedException();

    public IRecordRepository<Deal> Deals => throw new NotSupportedException();

    public IRecordRepository<Activity> Activities => throw new NotSupportedException();

    public IRecordRepository<Manager> Managers => throw new NotSupportedException();

    public IRecordRepository<Pipeline> Pipelines => throw new NotSupportedException();

    public IRecordRepository<StageChange> StageChanges => throw new NotSupportedException();

    public IRecordRepository<OwnerChange> OwnerChanges => throw new NotSupportedException();

    public ICheckpointStore Checkpoints => throw new NotSupportedException();

    public IKeyValueStore Values => this;

    public IEnrichmentCache Enrichment => throw new NotSupportedException();

    public IAuditLog Audit => throw new NotSupportedException();

    public ClientBase LoadClientBase() => Snapshot;

    public string? Get(string key) => _values.GetValueOrDefault(key);

    public void Set(string key, string value) => _values[key] = value;
}
