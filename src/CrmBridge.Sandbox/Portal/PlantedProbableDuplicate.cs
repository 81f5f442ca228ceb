namespace CrmBridge.Sandbox.Portal;

/// <summary>A card with no INN whose name matches another card's name once the legal form and quotes are ignored.</summary>
public sealed record PlantedProbableDuplicate(PlantedCard WithoutInn, PlantedCard Original);
