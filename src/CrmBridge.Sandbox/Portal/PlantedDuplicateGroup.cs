namespace CrmBridge.Sandbox.Portal;

/// <summary>Cards sharing one INN and KPP. Master is the oldest card (domain.md: oldest, then more complete, ...).</summary>
public sealed record PlantedDuplicateGroup(string Inn, PlantedCard Master, IReadOnlyList<PlantedCard> Duplicates, bool AcrossCrms)
{
    public IEnumerable<PlantedCard> Cards => Duplicates.Prepend(Master);

    /// <summary>True when the cards are owned by different people (an ownership conflict in the making).</summary>
    public bool DifferentOwners => Cards.Select(c => c.OwnerEmail).Distinct().Count() > 1;
}
