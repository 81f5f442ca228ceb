using CrmBridge.Core.Model;

namespace CrmBridge.Storage;

internal interface ICompanyRepository : IRecordRepository<Company>
{
    IReadOnlyList<Company> ByInn(string inn);

    IReadOnlyList<Company> ByOwner(string ownerId);

    IReadOnlyList<Company> ModifiedSince(DateTimeOffset since);

    /// <summary>Marks the given cards deleted (kept, not dropped); returns how many changed.</summary>
    int MarkDeleted(IEnumerable<CrmRef> references);
}
