using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox.Portal;

/// <summary>A call or meeting on a company (Bitrix24 activity; amoCRM call note or meeting task).</summary>
public sealed record PortalActivity(
    long Id,
    int Slot,
    ActivityKind Kind,
    Direction Direction,
    int OwnerUser,
    DateTimeOffset At,
    bool Completed,
    int DurationSeconds,
    string Subject);
