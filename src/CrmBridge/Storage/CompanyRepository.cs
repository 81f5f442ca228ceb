using CrmBridge.Core.Model;
using LiteDB;

namespace CrmBridge.Storage;

/// <summary>Companies, indexed by INN (normalized when valid), owner and modified time.</summary>
internal sealed class CompanyRepository : ICompanyRepository
{
    private readonly RecordRepository<Company> records;

    public CompanyRepository(LiteDatabase database, RowMeter? meter = null)
    {
        records = new RecordRepository<Company>(database, StoreCollections.Companies, StoreJsonContext.Default.Company, Promote, meter);
    }

    public int Upsert(IEnumerable<Company> records) => this.records.Upsert(records);

    public Company? Find(CrmRef reference) => records.Find(reference);

    public IReadOnlyList<Company> All() => records.All();

    public IReadOnlyList<Company> ByAccount(CrmKind crm, string account) => records.ByAccount(crm, account);

    public int Count() => records.Count();

    /// <summary>Cards whose INN is this one; "ИНН 7707-083-893" finds cards typed "7707083893" and vice versa.</summary>
    public IReadOnlyList<Company> ByInn(string inn) =>
        InnKey.Of(inn) is { } key ? records.Where(StoreCollections.InnField, key) : [];

    public IReadOnlyList<Company> ByOwner(string ownerId)
    {
        ArgumentNullException.ThrowIfNull(ownerId);
        return records.Where(StoreCollections.OwnerField, ownerId);
    }

    /// <summary>Cards the CRM changed at or after <paramref name="since"/>.</summary>
    public IReadOnlyList<Company> ModifiedSince(DateTimeOffset since) => records.ModifiedSince(since);

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

    private static void Promote(Company company, BsonDocument document)
    {
        document[StoreCollections.InnField] = InnKey.Of(company.Inn) is { } inn ? inn : BsonValue.Null;
        document[StoreCollections.OwnerField] = company.OwnerId is { } owner ? owner : BsonValue.Null;
    }
}
