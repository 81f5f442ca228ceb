using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Sandbox.Bench;

internal class CountingRepository<T>(IRecordRepository<T> inner, RowTally tally) : IRecordRepository<T>
    where T : class, IRecord
{
    public int Upsert(IEnumerable<T> records)
    {
        var list = records as IReadOnlyCollection<T> ?? [.. records];
        tally.Add(list.Count);
        return inner.Upsert(list);
    }

    public T? Find(CrmRef reference) => inner.Find(reference);

    public IReadOnlyList<T> All() => inner.All();

    public IReadOnlyList<T> ByAccount(CrmKind crm, string account) => inner.ByAccount(crm, account);

    public int Count() => inner.Count();
}
