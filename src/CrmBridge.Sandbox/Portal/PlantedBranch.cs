namespace CrmBridge.Sandbox.Portal;

/// <summary>A head office and a branch: same INN, different KPP. Same client, not a duplicate to delete.</summary>
public sealed record PlantedBranch(string Inn, PlantedCard HeadOffice, PlantedCard Branch);
