namespace CrmBridge.Sandbox.Portal;

/// <summary>
/// The manifest of everything planted in a sample portal, so a demo or a test can compare its findings and digest
/// with what is known to be there. Background cards trigger none of these rules (see CompanySketcher).
/// </summary>
public sealed record PlantedFacts
{
    public required PortalClock Clock { get; init; }

    public required int BitrixCompanies { get; init; }

    public required int AmoCompanies { get; init; }

    public IReadOnlyList<PortalUser> Users { get; init; } = PortalUsers.All;

    /// <summary>Groups of cards with the same INN and KPP, inside one CRM or across both.</summary>
    public required IReadOnlyList<PlantedDuplicateGroup> Duplicates { get; init; }

    public required IReadOnlyList<PlantedBranch> Branches { get; init; }

    public required IReadOnlyList<PlantedCard> InvalidInns { get; init; }

    public required IReadOnlyList<PlantedProbableDuplicate> ProbableDuplicates { get; init; }

    public required IReadOnlyList<PlantedCooldownViolation> CooldownViolations { get; init; }

    /// <summary>Day 30 or later without progress (defaults: term 30 days).</summary>
    public required IReadOnlyList<PlantedOwnership> OwnershipTimeouts { get; init; }

    /// <summary>Days 25..29 without progress (defaults: warning 5 days before the term).</summary>
    public required IReadOnlyList<PlantedOwnership> OwnershipWarnings { get; init; }

    public required IReadOnlyList<PlantedConflict> Conflicts { get; init; }

    /// <summary>Postponed cards whose return date is today.</summary>
    public required IReadOnlyList<PlantedPostponed> PostponedDue { get; init; }

    /// <summary>Postponed cards not yet due (no finding expected; exempt from the ownership clock).</summary>
    public required IReadOnlyList<PlantedPostponed> PostponedLater { get; init; }

    /// <summary>Cards whose INN the registry reports as LIQUIDATED.</summary>
    public required IReadOnlyList<PlantedCard> Liquidated { get; init; }

    public required IReadOnlyList<PlantedSleeping> Sleeping { get; init; }

    /// <summary>Yesterday's numbers per manager (all five managers, zeros included).</summary>
    public required IReadOnlyList<PlantedYesterday> Yesterday { get; init; }

    /// <summary>
    /// This week's and this month's selling of the whole base. Counting it reads every company, so it is counted on first
    /// use: a bench portal of a million companies never asks and stays lazy.
    /// </summary>
    public PlantedSales Sales => SalesCount.Value;

    internal Lazy<PlantedSales> SalesCount { get; init; } = new(() => new PlantedSales([], 0, 0, 0));
}
