using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using CrmBridge.Crm;
using CrmBridge.Storage;

namespace CrmBridge.Rules;

/// <summary>/callable: the manager's companies that are not resting in cooldown today, longest untouched first.</summary>
internal sealed class RuleCallableQuery(ICrmStore store, RuleStep rules) : ICallableQuery
{
    public IReadOnlyList<Company> Callable(IReadOnlyList<CrmUser> managers, DateTimeOffset now, int limit)
    {
        ArgumentNullException.ThrowIfNull(managers);
        var clientBase = store.LoadClientBase();
        var refs = clientBase.Managers.Select(m => m.Ref).Where(r => managers.Any(u => u.Matches(r))).ToList();
        return [.. CallableList.For(rules.Input(clientBase, now), refs).Callable.Take(limit).Select(c => c.Company)];
    }
}
