using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

/// <summary>The client base with the lookups every KPI needs, built once per report.</summary>
public sealed class KpiContext
{
    private readonly Dictionary<CrmRef, List<StageChange>> changesByDeal;

    private KpiContext(ClientBase clientBase, KpiSettings settings)
    {
        Base = clientBase;
        Settings = settings;
        Team = SalesTeam.From(clientBase.Managers, settings.ExcludedManagers.ToList());
        Stages = new StageCatalog(clientBase.Pipelines, settings);
        Deals = clientBase.Deals.Where(deal => !deal.IsDeleted).ToList();
        changesByDeal = GroupByDealOldestFirst(clientBase.StageChanges);
    }

    public ClientBase Base { get; }

    public KpiSettings Settings { get; }

    public SalesTeam Team { get; }

    public StageCatalog Stages { get; }

    /// <summary>Deals still present in the CRM.</summary>
    public IReadOnlyList<Deal> Deals { get; }

    public static KpiContext From(ClientBase clientBase, KpiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(clientBase);
        ArgumentNullException.ThrowIfNull(settings);
        return new KpiContext(clientBase, settings);
    }

    /// <summary>The deal's stage moves, oldest first.</summary>
    public IReadOnlyList<StageChange> ChangesOf(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return changesByDeal.TryGetValue(deal.Ref, out var changes) ? changes : [];
    }

    public (string Currency, decimal Amount) MoneyOf(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return Settings.Currency.Normalize(deal.Currency, deal.Amount);
    }

    /// <summary>Where the deal stood at a moment: the last move before it, else where the first later move came from, else now.</summary>
    public string StageAt(Deal deal, DateTimeOffset moment)
    {
        var changes = ChangesOf(deal);
        var last = changes.LastOrDefault(change => change.At <= moment);
        if (last is not null)
        {
            return last.ToStageId;
        }

        return changes.Count > 0 && changes[0].FromStageId is { } origin ? origin : deal.StageId;
    }

    /// <summary>Open at the moment: created before it and not closed by then (a closed deal without a date closed at its last change).</summary>
    public static bool IsOpenAt(Deal deal, DateTimeOffset moment)
    {
        ArgumentNullException.ThrowIfNull(deal);
        if (deal.CreatedAt >= moment)
        {
            return false;
        }

        return deal.Outcome == DealOutcome.Open || (deal.ClosedAt ?? deal.ModifiedAt) > moment;
    }

    /// <summary>One pass, no per-group LINQ objects: millions of stage moves group in a fraction of the LINQ time.</summary>
    private static Dictionary<CrmRef, List<StageChange>> GroupByDealOldestFirst(IEnumerable<StageChange> changes)
    {
        var groups = new Dictionary<CrmRef, List<StageChange>>();
        foreach (var change in changes)
        {
            if (!groups.TryGetValue(change.Deal, out var list))
            {
                groups[change.Deal] = list = [];
            }

            list.Add(change);
        }

        foreach (var list in groups.Values)
        {
            for (var i = 1; i < list.Count; i++)
            {
                if (list[i - 1].At > list[i].At)
                {
                    // OrderBy is stable (moves at the same moment keep their input order); List.Sort is not.
                    var sorted = list.OrderBy(change => change.At).ToList();
                    list.Clear();
                    list.AddRange(sorted);
                    break;
                }
            }
        }

        return groups;
    }
}
