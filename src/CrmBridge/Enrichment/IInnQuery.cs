namespace CrmBridge.Enrichment;

/// <summary>
/// What /inn shows: INN validation, the cards holding it, and the registry profile; answered by
/// <see cref="EnrichmentInnQuery"/> (AddEnrichment). An interface so the bot's tests can fake the registries.
/// </summary>
internal interface IInnQuery
{
    Task<InnQueryResult> LookupAsync(string inn, CancellationToken cancellationToken);
}
