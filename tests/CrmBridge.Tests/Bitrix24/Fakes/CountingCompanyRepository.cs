using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Bitrix24.Fakes;

/// <summary>The real company repository, counting upserts to prove pages are stored in one call each.</summary>
internal sealed class CountingCompanyRepository(ICompanyRepository inner) : ICompanyRepository
{
    private int upsertCalls;

    public int UpsertCalls => Volatile.Read(ref upsertCalls);

    /// <summary>Runs after each upsert with the number of upserts so far (a test can stop the process there).</summary>
    public Action<int>? AfterUpsert { get; set; }

    public int Upsert(IEnumerable<Company> records) => Counted(inner.Upsert(records));

    /// <summary>A page into an empty account is stored this way: counted as an upsert.</summary>
    public int Insert(IEnumerable<Company> records) => Counted(inner.Insert(records));

    /// <summary>A page revising stored cards is stored this way: counted as an upsert.</summary>
    public int Revise(IReadOnlyCollection<CrmRef> references, Func<IReadOnlyDictionary<CrmRef, Company>, IEnumerable<Company>> revise) =>
        Counted(inner.Revise(references, revise));

    public bool HoldsAny(CrmKind crm, string account) => inner.HoldsAny(crm, account);

    public Company? Find(CrmRef reference) => inner.Find(reference);

    public IReadOnlyList<Company> All() => inner.All();

    public IReadOnlyList<Company> ByAccount(CrmKind crm, string account) => inner.ByAccount(crm, account);

    public int Count() => inner.Count();

    public IReadOnlyList<Company> ByInn(string inn) => inner.ByInn(inn);

    public int MarkDeleted(IEnumerable<CrmRef> references) => inner.MarkDeleted(references);

    private int Counted(int changed)
    {
        // Counted before the hook: `AfterUpsert?.Invoke(Increment())` would skip the increment when no hook is set.
        var calls = Interlocked.Increment(ref upsertCalls);
        AfterUpsert?.Invoke(calls);
        return changed;
    }
}
