using CrmBridge.Core.Classification;

namespace CrmBridge.Enrichment;

/// <summary>Criteria for category A; an unset value is not applied.</summary>
internal sealed class CategoryCriteriaOptions
{
    public int? MinHeadcount { get; set; }

    public int? MinYearsOnMarket { get; set; }

    public decimal? MinRevenue { get; set; }

    public List<string> AllowedRegions { get; set; } = [];

    public int? MinBranches { get; set; }

    public bool Any =>
        MinHeadcount is not null || MinYearsOnMarket is not null || MinRevenue is not null || AllowedRegions.Count > 0 || MinBranches is not null;

    public CategoryCriteria ToCriteria() => new()
    {
        MinHeadcount = MinHeadcount,
        MinYearsOnMarket = MinYearsOnMarket,
        MinRevenue = MinRevenue,
        AllowedRegions = [.. AllowedRegions],
        MinBranches = MinBranches,
    };
}
