using CrmBridge.Core.Model;

namespace CrmBridge.Sync;

/// <summary>
/// The CRM accounts whose data is complete this tick (their load finished without an error), and the client base cut
/// down to them: rules never judge a CRM from a half-read or stale picture, and never record its first run then.
/// </summary>
internal sealed class CompleteAccounts
{
    private readonly HashSet<(CrmKind, string)> accounts;

    public CompleteAccounts(IEnumerable<SourceResult> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        accounts = [.. sources.Where(s => s.Error is null).Select(s => (s.Crm, s.Account))];
    }

    public int Count => accounts.Count;

    /// <summary>"bitrix24:portal.bitrix24.ru" per account, for the per-CRM first run.</summary>
    public IReadOnlyList<string> Keys => [.. accounts.Select(a => $"{CrmRef.CrmName(a.Item1)}:{a.Item2}").Order(StringComparer.Ordinal)];

    public ClientBase Filter(ClientBase clientBase)
    {
        ArgumentNullException.ThrowIfNull(clientBase);
        return new ClientBase
        {
            Companies = [.. clientBase.Companies.Where(c => Has(c.Ref))],
            Persons = [.. clientBase.Persons.Where(p => Has(p.Ref))],
            Deals = [.. clientBase.Deals.Where(d => Has(d.Ref))],
            Activities = [.. clientBase.Activities.Where(a => Has(a.Ref))],
            Managers = [.. clientBase.Managers.Where(m => Has(m.Ref))],
            Pipelines = [.. clientBase.Pipelines.Where(p => Has(p.Ref))],
            StageChanges = [.. clientBase.StageChanges.Where(s => Has(s.Ref))],
            OwnerChanges = [.. clientBase.OwnerChanges.Where(o => Has(o.Ref))],
        };
    }

    private bool Has(CrmRef reference) => accounts.Contains((reference.Crm, reference.Account));
}
