namespace CrmBridge.Sandbox.Portal;

/// <summary>A client that bought before and has had no contact or deal for more than 180 days.</summary>
public sealed record PlantedSleeping(PlantedCard Card, DateTimeOffset LastContactAt, DateTimeOffset LastWonAt);
