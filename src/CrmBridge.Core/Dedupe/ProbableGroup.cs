using CrmBridge.Core.Model;

namespace CrmBridge.Core.Dedupe;

/// <summary>
/// Cards that look like one client although at least one of them has no valid INN to prove it.
/// Reasons say what matched, e.g. "same name: ромашка", "same phone: +74951234567".
/// </summary>
public sealed record ProbableGroup(IReadOnlyList<string> Reasons, IReadOnlyList<Company> Cards);
