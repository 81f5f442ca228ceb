using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Bitrix24.Fakes;

/// <summary>Test double of a record repository until the LiteDB store lands; thread-safe like LiteDB.</summary>
internal class InMemoryRepository<T> : IRecordRepository<T>
    where T : class, IRecord
{
    private readonly Dictionary<string, T> records = new(StringComparer.Ordinal);

    public int UpsertCalls { get; private set; }

    protected Lock Sync { get; } = new();

    public int Upsert(IEnumerable<T> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        lock (Sync)
        {
            UpsertCalls++;
            var changed = 0;
            foreach (var record in records)
            {
                if (!this.records.TryGetValue(record.Ref.Key, out var old) || !Equals(old, record))
                {
                    changed++;
                }

                this.records[record.Ref.Key] = record;
            }

            return changed;
        }
    }

    public T? Find(CrmRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        lock (Sync)
        {
            return records.GetValueOrDefault(reference.Key);
        }
    }

    public IReadOnlyList<T> All()
    {
        lock (Sync)
        {
            return [.. records.Values];
        }
    }

    public IReadOnlyList<T> ByAccount(CrmKind crm, string account) =>
        [.. All().Where(r => r.Ref.Crm == crm && r.Ref.Account == account)];

    public int Count() => All().Count;
}
