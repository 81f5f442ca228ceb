using CrmBridge.Core.Model;
using CrmBridge.Crm;

namespace CrmBridge.Rules;

/// <summary>What /callable shows: the manager's companies not resting in cooldown today (bound to the rules engine by the host).</summary>
internal interface ICallableQuery
{
    IReadOnlyList<Company> Callable(IReadOnlyList<CrmUser> managers, DateTimeOffset now, int limit);
}
