using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>One person working a client: the first CRM user seen for them and what shows they work it.</summary>
internal sealed record ConflictWorker(CrmRef User, string PersonKey)
{
    public IList<string> Evidence { get; } = [];
}
