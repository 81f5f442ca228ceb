using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Sandbox.Bench;

internal sealed class CountingCompanyRepository : CountingRepository<Company>, ICompanyRepository
{
    private readonly ICompanyRepository _companies;

    public CountingCompanyRepository(ICompanyRepository companies, RowTally tally)
        : base(companies, tally)
    {
        _companies = companies;
    }

    public IReadOnlyList<Company> ByInn(string inn) => _companies.ByInn(inn);

    public IReadOnlyList<Company> ByOwner(string ownerId) => _companies.ByOwner(ownerId);

    public IReadOnlyList<Company> ModifiedSince(DateTimeOffset since) => _companies.ModifiedSince(since);

    public int MarkDeleted(IEnumerable<CrmRef> references) => _companies.MarkDeleted(references);
}
