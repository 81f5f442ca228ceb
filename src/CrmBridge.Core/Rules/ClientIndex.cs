using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>Lookups over a client base, built once per evaluation so each rule stays linear in the base.</summary>
public sealed class ClientIndex
{
    private readonly Dictionary<CrmRef, Company> _companies;
    private readonly Dictionary<CrmRef, List<Activity>> _activities;
    private readonly Dictionary<CrmRef, List<Deal>> _deals;
    private readonly Dictionary<CrmRef, List<StageChange>> _stageChanges;
    private readonly Dictionary<CrmRef, List<OwnerChange>> _ownerChanges;
    private readonly Dictionary<CrmRef, Pipeline> _pipelines;

    public ClientIndex(ClientBase clientBase)
    {
        ArgumentNullException.ThrowIfNull(clientBase);
        Base = clientBase;
        var companies = clientBase.Companies.Count;
        _companies = LastByRef(clientBase.Companies);
        _activities = SortedGroups.By(clientBase.Activities, a => a.IsDeleted ? null : a.Company, a => a.At, companies);
        _deals = SortedGroups.By(clientBase.Deals, d => d.IsDeleted ? null : d.Company, d => d.CreatedAt, Math.Min(companies, clientBase.Deals.Count));
        _stageChanges = SortedGroups.By(clientBase.StageChanges, s => s.Deal, s => s.At, clientBase.Deals.Count);
        _ownerChanges = SortedGroups.By(clientBase.OwnerChanges, o => o.Company, o => o.At);
        _pipelines = LastByRef(clientBase.Pipelines);
    }

    public ClientBase Base { get; }

    public Company? Company(CrmRef reference) => _companies.GetValueOrDefault(reference);

    /// <summary>Activities bound to the company, oldest first, deleted ones left out.</summary>
    public IReadOnlyList<Activity> ActivitiesOf(CrmRef company) => _activities.TryGetValue(company, out var list) ? list : [];

    public IReadOnlyList<Deal> DealsOf(CrmRef company) => _deals.TryGetValue(company, out var list) ? list : [];

    public IReadOnlyList<StageChange> StageChangesOf(CrmRef deal) => _stageChanges.TryGetValue(deal, out var list) ? list : [];

    public IReadOnlyList<OwnerChange> OwnerChangesOf(CrmRef company) => _ownerChanges.TryGetValue(company, out var list) ? list : [];

    /// <summary>The pipeline with the given id in the same CRM account as <paramref name="anyRecordOfAccount"/>.</summary>
    public Pipeline? Pipeline(CrmRef anyRecordOfAccount, string pipelineId)
    {
        ArgumentNullException.ThrowIfNull(anyRecordOfAccount);
        return _pipelines.GetValueOrDefault(anyRecordOfAccount.Sibling(pipelineId));
    }

    /// <summary>
    /// The pipeline a company is worked in: that of its newest open deal, else of its newest deal; null without deals.
    /// </summary>
    public Pipeline? PipelineOf(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        var deals = DealsOf(company.Ref);
        var deal = deals.LastOrDefault(d => d.Outcome == DealOutcome.Open) ?? (deals.Count > 0 ? deals[^1] : null);
        return deal is null ? null : Pipeline(deal.Ref, deal.PipelineId);
    }

    /// <summary>Completed calls (either direction) and completed meetings: the contacts of domain.md.</summary>
    public static bool IsContact(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Completed && !activity.IsDeleted && activity.Kind is ActivityKind.Call or ActivityKind.Meeting;
    }

    /// <summary>An outgoing call or any meeting: the contacts a cooldown forbids.</summary>
    public static bool IsOutboundContact(Activity activity) =>
        IsContact(activity) && (activity.Kind == ActivityKind.Meeting || activity.Direction == Direction.Outbound);

    /// <summary>A record read twice keeps its last copy.</summary>
    private static Dictionary<CrmRef, T> LastByRef<T>(IReadOnlyCollection<T> records)
        where T : IRecord
    {
        var byRef = new Dictionary<CrmRef, T>(records.Count);
        foreach (var record in records)
        {
            byRef[record.Ref] = record;
        }

        return byRef;
    }
}
