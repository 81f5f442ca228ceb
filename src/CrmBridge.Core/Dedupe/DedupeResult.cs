using CrmBridge.Core.Model;

namespace CrmBridge.Core.Dedupe;

/// <summary>What dedupe found across every CRM: INN groups, probable duplicates, unverified INNs and their findings.</summary>
public sealed record DedupeResult
{
    public IReadOnlyList<InnGroup> InnGroups { get; init; } = [];

    public IReadOnlyList<ProbableGroup> ProbableGroups { get; init; } = [];

    /// <summary>Cards whose INN fails the format or checksum.</summary>
    public IReadOnlyList<Company> Unverified { get; init; } = [];

    /// <summary>duplicate, branch, invalid-inn and probable-duplicate findings, in a stable order.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>
    /// The INN groups as card references (master first), for the one-owner rule: two managers on one client is a conflict
    /// whichever CRM each card lives in.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<CrmRef>> InnGroupRefs =>
        [.. InnGroups.Select(g => (IReadOnlyList<CrmRef>)[.. g.Members.Select(m => m.Card.Ref)])];

    public static DedupeResult Empty { get; } = new();
}
