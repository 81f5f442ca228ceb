using CrmBridge.Core.Model;

namespace CrmBridge.Storage;

internal interface ICompanyRepository : IRecordRepository<Company>
{
    IReadOnlyList<Company> ByInn(string inn);

    /// <summary>The stored cards of these references (those that exist): a page's cards in one look-up.</summary>
    IReadOnlyDictionary<CrmRef, Company> FindMany(IEnumerable<CrmRef> references) =>
        references.Distinct().Select(r => (Ref: r, Company: Find(r))).Where(p => p.Company is not null).ToDictionary(p => p.Ref, p => p.Company!);

    /// <summary>Marks the given cards deleted (kept, not dropped); returns how many changed.</summary>
    int MarkDeleted(IEnumerable<CrmRef> references);
}
