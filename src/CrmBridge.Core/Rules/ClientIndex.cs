using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>
/// Lookups over a client base, built once per evaluation so each rule stays linear in the base. Each company's
/// records are a range of one array (<see cref="ArraySegment{T}"/>): reading them allocates nothing, and a million
/// companies cost two reference dictionaries (companies, deals) and a few arrays instead of a list per company.
/// </summary>
public sealed class ClientIndex
{
    private static readonly Dictionary<CrmRef, int> NoSlots = [];

    private readonly Dictionary<CrmRef, int> _companySlots;
    private readonly Company?[] _companies;
    private readonly SlotGroups<Activity> _activities;
    private readonly SlotGroups<Deal> _deals;
    private readonly SlotGroups<OwnerChange> _ownerChanges;
    private readonly SlotGroups<StageChange> _stageChanges;
    private readonly Dictionary<(CrmKind Crm, string Account, string Id), Pipeline> _pipelines = [];

    // Rules ask for the pipeline of every deal and stage move, and a base's records share a handful of account and
    // pipeline strings: the last pipeline found answers again without hashing them (swapped whole, so readers on
    // other threads see one consistent answer).
    private LastPipeline? _lastPipeline;

    public ClientIndex(ClientBase clientBase)
    {
        ArgumentNullException.ThrowIfNull(clientBase);
        Base = clientBase;
        var companies = clientBase.Companies;
        _companySlots = new Dictionary<CrmRef, int>(companies.Count);
        _companies = new Company?[companies.Count];
        foreach (var company in companies)
        {
            // A record read twice keeps its last copy.
            if (!_companySlots.TryGetValue(company.Ref, out var slot))
            {
                _companySlots[company.Ref] = slot = _companySlots.Count;
            }

            _companies[slot] = company;
        }

        // The groupings only read the company slots, so they are built side by side: on two cores the index takes
        // about the time of its largest grouping (the activities) instead of the sum.
        var slots = _companySlots;
        SlotGroups<Activity>? activities = null;
        SlotGroups<Deal>? deals = null;
        SlotGroups<OwnerChange>? ownerChanges = null;
        SlotGroups<StageChange>? stageChanges = null;
        Parallel.Invoke(
            () => activities = SlotGroups<Activity>.By(clientBase.Activities, a => a.IsDeleted ? null : a.Company, a => a.At, slots),
            () =>
            {
                deals = SlotGroups<Deal>.By(clientBase.Deals, d => d.IsDeleted ? null : d.Company, d => d.CreatedAt, slots);
                ownerChanges = SlotGroups<OwnerChange>.By(clientBase.OwnerChanges, o => o.Company, o => o.At, slots);
            },
            () => stageChanges = SlotGroups<StageChange>.By(clientBase.StageChanges, s => s.Deal, s => s.At, NoSlots, clientBase.Deals.Count));
        (_activities, _deals, _ownerChanges, _stageChanges) = (activities!, deals!, ownerChanges!, stageChanges!);
        foreach (var pipeline in clientBase.Pipelines)
        {
            _pipelines[(pipeline.Ref.Crm, pipeline.Ref.Account, pipeline.Ref.Id)] = pipeline;
        }
    }

    public ClientBase Base { get; }

    public Company? Company(CrmRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return _companySlots.TryGetValue(reference, out var slot) && slot < _companies.Length ? _companies[slot] : null;
    }

    /// <summary>Activities bound to the company, oldest first, deleted ones left out.</summary>
    public ArraySegment<Activity> ActivitiesOf(CrmRef company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return _activities.Of(company);
    }

    /// <summary>Live deals of the company, oldest first.</summary>
    public ArraySegment<Deal> DealsOf(CrmRef company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return _deals.Of(company);
    }

    public ArraySegment<StageChange> StageChangesOf(CrmRef deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return _stageChanges.Of(deal);
    }

    public ArraySegment<OwnerChange> OwnerChangesOf(CrmRef company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return _ownerChanges.Of(company);
    }

    /// <summary>The pipeline with the given id in the same CRM account as <paramref name="anyRecordOfAccount"/>.</summary>
    public Pipeline? Pipeline(CrmRef anyRecordOfAccount, string pipelineId)
    {
        ArgumentNullException.ThrowIfNull(anyRecordOfAccount);
        ArgumentNullException.ThrowIfNull(pipelineId);
        var last = _lastPipeline;
        if (last is not null && last.Crm == anyRecordOfAccount.Crm
            && ReferenceEquals(last.Account, anyRecordOfAccount.Account) && ReferenceEquals(last.Id, pipelineId))
        {
            return last.Pipeline;
        }

        var found = _pipelines.GetValueOrDefault((anyRecordOfAccount.Crm, anyRecordOfAccount.Account, pipelineId));
        _lastPipeline = new LastPipeline(anyRecordOfAccount.Crm, anyRecordOfAccount.Account, pipelineId, found);
        return found;
    }

    /// <summary>
    /// The pipeline a company is worked in: that of its newest open deal, else of its newest deal; null without deals.
    /// </summary>
    public Pipeline? PipelineOf(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        var deals = DealsOf(company.Ref);
        Deal? deal = null;
        for (var i = deals.Count - 1; i >= 0 && deal is null; i--)
        {
            deal = deals[i].Outcome == DealOutcome.Open ? deals[i] : null;
        }

        deal ??= deals.Count > 0 ? deals[^1] : null;
        return deal is null ? null : Pipeline(deal.Ref, deal.PipelineId);
    }

    /// <summary>The company's latest contact (<see cref="IsContact"/>), or null.</summary>
    public Activity? LastContactOf(CrmRef company)
    {
        var activities = ActivitiesOf(company);
        for (var i = activities.Count - 1; i >= 0; i--)
        {
            if (IsContact(activities[i]))
            {
                return activities[i];
            }
        }

        return null;
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

    private sealed record LastPipeline(CrmKind Crm, string Account, string Id, Pipeline? Pipeline);
}
