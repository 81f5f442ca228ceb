using CrmBridge.Core.Model;

namespace CrmBridge.Storage;

internal interface IEnrichmentCache
{
    /// <summary>The cached profile and when it was fetched; a miss is null (not-found answers are cached with a null profile).</summary>
    CachedProfile? Get(string inn);

    void Put(string inn, CompanyProfile? profile, DateTimeOffset fetchedAt);
}

internal sealed record CachedProfile(string Inn, CompanyProfile? Profile, DateTimeOffset FetchedAt);
