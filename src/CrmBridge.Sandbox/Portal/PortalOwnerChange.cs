namespace CrmBridge.Sandbox.Portal;

public sealed record PortalOwnerChange(int FromUser, int ToUser, DateTimeOffset At);
