using CrmBridge.Core.Model;

namespace CrmBridge.Rules;

/// <summary>The rule findings the digest reports (conflicts, ownership warnings, cooldown); bound to the rules engine by the host.</summary>
internal interface ICurrentFindings
{
    IReadOnlyList<Finding> Current(ClientBase clientBase, DateTimeOffset now);
}
