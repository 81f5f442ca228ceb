namespace CrmBridge.Sandbox.Portal;

/// <summary>An outbound call inside the 30-day rest that followed a completed contact.</summary>
public sealed record PlantedCooldownViolation(PlantedCard Card, long ViolatingActivityId, DateTimeOffset ViolatingAt, DateTimeOffset PreviousContactAt);
