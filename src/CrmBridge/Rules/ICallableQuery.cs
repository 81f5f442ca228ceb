using CrmBridge.Core.Model;
using CrmBridge.Crm;

namespace CrmBridge.Rules;

/// <summary>What /callable shows: the manager's companies not resting in cooldown today Owned by the rules (AddRules) so the bot reads them directly; tests fake it.</summary>
internal interface ICallableQuery
{
    IReadOnlyList<Company> Callable(IReadOnlyList<CrmUser> managers, DateTimeOffset now, int limit);
}
