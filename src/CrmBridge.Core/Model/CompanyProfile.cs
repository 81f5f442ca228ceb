namespace CrmBridge.Core.Model;

/// <summary>What public registries know about a company by its INN (enrichment result).</summary>
public sealed record CompanyProfile
{
    public required string Inn { get; init; }

    public string? FullName { get; init; }

    public string? ShortName { get; init; }

    public string? Ogrn { get; init; }

    public string? Kpp { get; init; }

    public string? Address { get; init; }

    public string? Region { get; init; }

    public string? Director { get; init; }

    public DateOnly? RegisteredOn { get; init; }

    public RegistryStatus Status { get; init; }

    /// <summary>The status text as the registry gave it, kept when it maps to Unknown.</summary>
    public string? RawStatus { get; init; }

    public string? Okved { get; init; }

    public int? Headcount { get; init; }

    public decimal? Revenue { get; init; }

    public int? BranchCount { get; init; }

    /// <summary>Which provider answered.</summary>
    public required string Source { get; init; }
}
