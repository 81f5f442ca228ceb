namespace CrmBridge.Enrichment;

/// <summary>
/// What /inn shows: INN validation, the cards holding it, and the registry profile. The host binds it over
/// Enrichment.InnLookup (validation, profile) and ICompanyRepository.ByInn (cards).
/// </summary>
internal interface IInnQuery
{
    Task<InnQueryResult> LookupAsync(string inn, CancellationToken cancellationToken);
}
