namespace CrmBridge.Sandbox.Portal;

/// <summary>A completed call by a manager other than the owner inside the 14-day window.</summary>
public sealed record PlantedConflict(PlantedCard Card, string OtherManagerEmail, long ActivityId, DateTimeOffset At);
