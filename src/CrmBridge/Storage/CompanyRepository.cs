using CrmBridge.Core.Model;
using CrmBridge.Storage.Bson;

namespace CrmBridge.Storage;

/// <summary>Companies, indexed by INN (normalized when valid): the one query besides the key that dedupe needs.</summary>
internal sealed class CompanyRepository(RecordRepository<Company> records) : ICompanyRepository
{
    public RecordRepository<Company> Records => records;

    public int Upsert(IEnumerable<Company> records) => Records.Upsert(records);

    public int Insert(IEnumerable<Company> records) => Records.Insert(records);

    public int Revise(IReadOnlyCollection<CrmRef> references, Func<IReadOnlyDictionary<CrmRef, Company>, IEnumerable<Company>> revise) =>
        Records.Revise(references, revise);

    public bool HoldsAny(CrmKind crm, string account) => Records.HoldsAny(crm, account);

    public Company? Find(CrmRef reference) => records.Find(reference);

    public IReadOnlyDictionary<CrmRef, Company> FindMany(IEnumerable<CrmRef> references) => records.FindRecords(references);

    public IReadOnlyList<Company> All() => records.All();

    public IReadOnlyList<Company> ByAccount(CrmKind crm, string account) => records.ByAccount(crm, account);

    public int Count() => records.Count();

    /// <summary>Cards whose INN is this one; "ИНН 7707-083-893" finds cards typed "7707083893" and vice versa.</summary>
    public IReadOnlyList<Company> ByInn(string inn) =>
        InnKey.Of(inn) is { } key ? records.WhereIn(CompanyCodec.InnField, [key], new ReadContext(Accounts)) : [];

    public int MarkDeleted(IEnumerable<CrmRef> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var deleted = new List<Company>();
        foreach (var reference in references.Distinct())
        {
            if (records.Find(reference) is { IsDeleted: false } company)
            {
                deleted.Add(company with { IsDeleted = true });
            }
        }

        return records.Upsert(deleted);
    }

    private AccountCodes Accounts => records.Accounts;
}
