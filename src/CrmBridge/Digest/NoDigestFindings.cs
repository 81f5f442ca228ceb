using CrmBridge.Core.Model;

namespace CrmBridge.Digest;

/// <summary>Used until the host binds <see cref="IDigestFindings"/> to the rules engine: the rule sections then read "none".</summary>
internal sealed class NoDigestFindings : IDigestFindings
{
    public IReadOnlyList<Finding> Current(ClientBase clientBase, DateTimeOffset now) => [];
}
