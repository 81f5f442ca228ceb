using System.Globalization;
using CrmBridge.Core.Classification;
using CrmBridge.Core.Identifiers;
using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Enrichment;

/// <summary>
/// `crmbridge inn NUMBER`: validates the number, then shows what enrichment knows, from the cache when it is fresh,
/// otherwise from the registries (and caches the answer). Plain text lines for a terminal.
/// </summary>
internal sealed class InnLookup(EnrichmentCache cache, IEnumerable<IEnrichmentProvider> providers, Microsoft.Extensions.Options.IOptions<EnrichmentOptions> options, TimeProvider time)
{
    public async Task<InnLookupResult> LookupAsync(string text, CancellationToken cancellationToken)
    {
        if (Inn.Validate(text) is { } error)
        {
            return new InnLookupResult(false, [$"{text}: invalid — {error.Message}"]);
        }

        var inn = Inn.Parse(text);
        var kind = inn.Kind == InnKind.LegalEntity ? "legal entity (10 digits)" : "sole trader (12 digits)";
        var lines = new List<string> { $"INN {inn}: valid, {kind}" };
        var now = time.GetUtcNow();
        var cached = cache.Get(inn.Value);
        if (cached is not null && cached.FetchedAt + options.Value.CacheTtl > now)
        {
            lines.Add($"Registry data cached {cached.FetchedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:");
            lines.AddRange(Describe(cached.Profile));
            lines.AddRange(Category(cached.Profile, now));
            return new InnLookupResult(true, lines);
        }

        var providerList = providers.ToList();
        if (providerList.Count == 0)
        {
            lines.Add("No registry is configured (Enrichment:DaData:Token or Enrichment:Html:ConfigPath).");
            return new InnLookupResult(true, lines);
        }

        var answered = false;
        foreach (var provider in providerList)
        {
            try
            {
                var profile = await provider.FindByInnAsync(inn, cancellationToken);
                answered = true;
                if (profile is not null)
                {
                    cache.Put(inn.Value, profile, now);
                    lines.Add($"Registry data from {provider.Name}:");
                    lines.AddRange(Describe(profile));
                    lines.AddRange(Category(profile, now));
                    return new InnLookupResult(true, lines);
                }
            }
            catch (EnrichmentProviderException ex)
            {
                lines.Add($"{provider.Name} could not answer: {ex.Message}");
            }
        }

        if (answered)
        {
            cache.Put(inn.Value, null, now);
            lines.AddRange(Describe(null));
        }

        return new InnLookupResult(true, lines);
    }

    /// <summary>The category A/B enrichment decides (and stores on the cards) from this profile, with its reasons.</summary>
    private IEnumerable<string> Category(CompanyProfile? profile, DateTimeOffset now)
    {
        if (profile is null)
        {
            yield break;
        }

        if (!options.Value.CategoryCriteria.Any)
        {
            yield return "  Category A/B: not decided — set Enrichment:CategoryCriteria";
            yield break;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var decision = CategoryClassifier.Classify(profile, options.Value.CategoryCriteria.ToCriteria(), today);
        yield return $"  Category A/B: {(decision.Category == CompanyCategory.Unknown ? "unknown" : decision.Category.ToString())} ({string.Join("; ", decision.Reasons)})";
    }

    public static IEnumerable<string> Describe(CompanyProfile? profile)
    {
        if (profile is null)
        {
            yield return "  The registries know nothing about this INN.";
            yield break;
        }

        var inv = CultureInfo.InvariantCulture;
        (string Label, string? Value)[] rows =
        [
            ("Full name", profile.FullName),
            ("Short name", profile.ShortName),
            ("OGRN", profile.Ogrn),
            ("KPP", profile.Kpp),
            ("Address", profile.Address),
            ("Region", profile.Region),
            ("Director", profile.Director),
            ("Registered", profile.RegisteredOn?.ToString("yyyy-MM-dd", inv)),
            ("Status", profile.Status == RegistryStatus.Unknown ? $"unknown ({profile.RawStatus ?? "not given"})" : profile.Status.ToString()),
            ("OKVED", profile.Okved),
            ("Headcount", profile.Headcount?.ToString(inv)),
            ("Revenue", profile.Revenue?.ToString("N0", inv)),
            ("Branches", profile.BranchCount?.ToString(inv)),
            ("Source", profile.Source),
        ];
        foreach (var (label, value) in rows.Where(r => !string.IsNullOrWhiteSpace(r.Value)))
        {
            yield return $"  {label}: {value}";
        }
    }
}
