using CrmBridge.Core.Model;

namespace CrmBridge.Storage;

internal sealed record CachedProfile(string Inn, CompanyProfile? Profile, DateTimeOffset FetchedAt);
