namespace CrmBridge.Sandbox.Portal;

/// <summary>A card its owner holds without progress; ClockStart is the later of owner-since and the last progress.</summary>
public sealed record PlantedOwnership(PlantedCard Card, DateTimeOffset ClockStart, int DaysWithoutProgress);
