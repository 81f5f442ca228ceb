namespace CrmBridge.Sandbox.Portal;

public sealed record PlantedPostponed(PlantedCard Card, DateOnly Until, string Reason);
