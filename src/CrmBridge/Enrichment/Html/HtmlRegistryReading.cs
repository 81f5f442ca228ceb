using CrmBridge.Core.Model;

namespace CrmBridge.Enrichment.Html;

/// <summary>What a registry page said: a profile, "not found", or nothing the selectors recognise (the layout changed).</summary>
internal sealed record HtmlRegistryReading(CompanyProfile? Profile, bool NotFound, IReadOnlyList<string> MissingFields)
{
    public bool NothingMatched => Profile is null && !NotFound;
}
