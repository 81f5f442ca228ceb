namespace CrmBridge.Sandbox.Portal;

/// <summary>A deal entered a stage (the first entry is its creation).</summary>
public sealed record PortalStageChange(int Stage, DateTimeOffset At, int ByUser);
