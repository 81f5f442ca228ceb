using CrmBridge.Core.Model;

namespace CrmBridge.Core.Dedupe;

/// <summary>Every card sharing one valid INN: one client. The master comes first in <see cref="Members"/>.</summary>
public sealed record InnGroup
{
    public required string Inn { get; init; }

    public required Company Master { get; init; }

    /// <summary>Why the master won: one of <see cref="MasterReasons"/>.</summary>
    public required string MasterReason { get; init; }

    public required IReadOnlyList<DedupeMember> Members { get; init; }

    /// <summary>Cards of the group are held by more than one manager.</summary>
    public bool HasOwnerConflict { get; init; }

    public IEnumerable<Company> Duplicates => Members.Where(m => m.Role == DedupeRole.Duplicate).Select(m => m.Card);

    public IEnumerable<Company> Branches => Members.Where(m => m.Role == DedupeRole.Branch).Select(m => m.Card);
}
