using CrmBridge.Core.Identifiers;
using CrmBridge.Storage;

namespace CrmBridge.Enrichment;

/// <summary>/inn: validation, the cards holding the INN in any CRM, and what the registries know (cached or fetched).</summary>
internal sealed class EnrichmentInnQuery(InnLookup lookup, ICrmStore store) : IInnQuery
{
    public async Task<InnQueryResult> LookupAsync(string inn, CancellationToken cancellationToken)
    {
        if (Inn.Validate(inn) is { } error)
        {
            return new InnQueryResult(false, error.Message, [], null);
        }

        var valid = Inn.Parse(inn);
        // The lookup refreshes the cache when it is stale, so the profile is read from there afterwards.
        await lookup.LookupAsync(valid.Value, cancellationToken);
        return new InnQueryResult(true, null, store.Companies.ByInn(valid.Value), store.Enrichment.Get(valid.Value)?.Profile);
    }
}
