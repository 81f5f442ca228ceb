using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Bitrix24.Fakes;

internal sealed class InMemoryCompanyRepository : InMemoryRepository<Company>, ICompanyRepository
{
    public IReadOnlyList<Company> ByInn(string inn) => [.. All().Where(c => c.Inn == inn)];

    public IReadOnlyList<Company> ByOwner(string ownerId) => [.. All().Where(c => c.OwnerId == ownerId)];

    public IReadOnlyList<Company> ModifiedSince(DateTimeOffset since) => [.. All().Where(c => c.ModifiedAt > since)];

    public int MarkDeleted(IEnumerable<CrmRef> references)
    {
        var marked = references.Select(Find).OfType<Company>().Where(c => !c.IsDeleted).Select(c => c with { IsDeleted = true }).ToList();
        Upsert(marked);
        return marked.Count;
    }
}
