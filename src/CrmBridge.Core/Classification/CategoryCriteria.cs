namespace CrmBridge.Core.Classification;

/// <summary>
/// Measurable criteria for category A (domain.md section 1); a null or empty criterion is not applied.
/// A company meeting every applied criterion is A, one failing any is B.
/// </summary>
public sealed record CategoryCriteria
{
    public int? MinHeadcount { get; init; }

    public int? MinYearsOnMarket { get; init; }

    public decimal? MinRevenue { get; init; }

    /// <summary>Regions as registries name them (e.g. "г Москва"), compared ignoring case; empty = anywhere.</summary>
    public IReadOnlyList<string> AllowedRegions { get; init; } = [];

    public int? MinBranches { get; init; }
}
