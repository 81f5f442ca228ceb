using CrmBridge.Core.Model;

namespace CrmBridge.Storage;

internal interface ICompanyRepository : IRecordRepository<Company>
{
    IReadOnlyList<Company> ByInn(string inn);

    /// <summary>Marks the given cards deleted (kept, not dropped); returns how many changed.</summary>
    int MarkDeleted(IEnumerable<CrmRef> references);
}
