using CrmBridge.Core.Model;

namespace CrmBridge.Core.Dedupe;

/// <summary>A card in a group: its role, the card it points to (the master or branch head) and why.</summary>
public sealed record DedupeMember(Company Card, DedupeRole Role, string? Kpp, CrmRef? PointsTo, string Reason);
