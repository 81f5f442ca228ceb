using CrmBridge.Core.Identifiers;
using CrmBridge.Core.Model;

namespace CrmBridge.Enrichment;

/// <summary>A public registry that knows companies by INN.</summary>
internal interface IEnrichmentProvider
{
    /// <summary>Short name for logs and the profile's Source, e.g. "dadata".</summary>
    string Name { get; }

    /// <summary>
    /// What the registry knows; null when it knows nothing about the INN. Throws <see cref="EnrichmentProviderException"/>
    /// when it could not answer (outage, rate limit, rejected token, a page it cannot read).
    /// </summary>
    Task<CompanyProfile?> FindByInnAsync(Inn inn, CancellationToken cancellationToken);
}
