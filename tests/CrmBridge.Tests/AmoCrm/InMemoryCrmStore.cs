using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Tests.AmoCrm;

/// <summary>A small ICrmStore for connector tests until the LiteDB store is on main.</summary>
internal sealed class InMemoryCrmStore : ICrmStore
{
    public ICompanyRepository Companies { get; } = new InMemoryCompanies();

    public IRecordRepository<Person> Persons { get; } = new InMemoryRecords<Person>();

    public IRecordRepository<Deal> Deals { get; } = new InMemoryRecords<Deal>();

    public IRecordRepository<Activity> Activities { get; } = new InMemoryRecords<Activity>();

    public IRecordRepository<Manager> Managers { get; } = new InMemoryRecords<Manager>();

    public IRecordRepository<Pipeline> Pipelines { get; } = new InMemoryRecords<Pipeline>();

    public IRecordRepository<StageChange> StageChanges { get; } = new InMemoryRecords<StageChange>();

    public IRecordRepository<OwnerChange> OwnerChanges { get; } = new InMemoryRecords<OwnerChange>();

    public InMemoryCheckpoints Checkpoints { get; } = new();

    ICheckpointStore ICrmStore.Checkpoints => Checkpoints;

    public InMemoryValues Values { get; } = new();

    IKeyValueStore ICrmStore.Values => Values;

    public IEnrichmentCache Enrichment => throw new NotSupportedException();

    public IAuditLog Audit => throw new NotSupportedException();

    public ClientBase LoadClientBase() => throw new NotSupportedException();

    internal class InMemoryRecords<T> : IRecordRepository<T>
        where T : class, IRecord
    {
        private readonly Dictionary<CrmRef, T> _records = [];

        public int Upsert(IEnumerable<T> records)
        {
            var changed = 0;
            lock (_records)
            {
                foreach (var record in records)
                {
                    if (!_records.TryGetValue(record.Ref, out var old) || !Equals(old, record))
                    {
                        changed++;
                    }

                    _records[record.Ref] = record;
                }
            }

            return changed;
        }

        public T? Find(CrmRef reference)
        {
            lock (_records)
            {
                return _records.GetValueOrDefault(reference);
            }
        }

        public IReadOnlyList<T> All()
        {
            lock (_records)
            {
                return [.. _records.Values];
            }
        }

        public IReadOnlyList<T> ByAccount(CrmKind crm, string account) =>
            [.. All().Where(r => r.Ref.Crm == crm && r.Ref.Account == account)];

        public int Count() => All().Count;
    }

    internal sealed class InMemoryCompanies : InMemoryRecords<Company>, ICompanyRepository
    {
        public IReadOnlyList<Company> ByInn(string inn) => [.. All().Where(c => c.Inn == inn)];

        public IReadOnlyList<Company> ByOwner(string ownerId) => [.. All().Where(c => c.OwnerId == ownerId)];

        public IReadOnlyList<Company> ModifiedSince(DateTimeOffset since) => [.. All().Where(c => c.ModifiedAt >= since)];

        public int MarkDeleted(IEnumerable<CrmRef> references) =>
            Upsert(references.Select(Find).OfType<Company>().Select(c => c with { IsDeleted = true }));
    }

    internal sealed class InMemoryCheckpoints : ICheckpointStore
    {
        private readonly Dictionary<string, SyncCheckpoint> _checkpoints = [];

        public SyncCheckpoint? Get(CrmKind crm, string account, string entity) =>
            _checkpoints.GetValueOrDefault($"{crm}:{account}:{entity}");

        public void Save(SyncCheckpoint checkpoint) =>
            _checkpoints[$"{checkpoint.Crm}:{checkpoint.Account}:{checkpoint.Entity}"] = checkpoint;
    }

    internal sealed class InMemoryValues : IKeyValueStore
    {
        private readonly Dictionary<string, string> _values = [];

        /// <summary>Runs after a value is durably set: lets a test simulate a crash right after the write.</summary>
        public Action<string>? AfterSet { get; set; }

        public string? Get(string key)
        {
            lock (_values)
            {
                return _values.GetValueOrDefault(key);
            }
        }

        public void Set(string key, string value)
        {
            lock (_values)
            {
                _values[key] = value;
            }

            AfterSet?.Invoke(key);
        }
    }
}
