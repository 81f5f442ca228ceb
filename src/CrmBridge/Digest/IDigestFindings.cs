using CrmBridge.Core.Model;

namespace CrmBridge.Digest;

/// <summary>The rule findings the digest reports (conflicts, ownership warnings, cooldown); bound to the rules engine by the host.</summary>
internal interface IDigestFindings
{
    IReadOnlyList<Finding> Current(ClientBase clientBase, DateTimeOffset now);
}
