using CrmBridge.Core.Clients;
using CrmBridge.Core.Model;
using CrmBridge.Core.People;
using CrmBridge.Core.Rules;

namespace CrmBridge.Core.Kpi;

/// <summary>The client base with the lookups every KPI needs, built once per report.</summary>
public sealed class KpiContext
{
    private readonly Dictionary<SalesPerson, List<Deal>> dealsByOwner;
    private readonly ArraySegment<StageChange>[] changesOfDeal;
    private Dictionary<CrmRef, Company>? companiesByRef;
    private ClientBook? clients;

    private KpiContext(ClientBase clientBase, KpiSettings settings, TimeZoneInfo zone, DateTimeOffset now)
    {
        Base = clientBase;
        Settings = settings;
        Now = now;
        Calendar = new PortalCalendar(zone);
        Index = new ClientIndex(clientBase);
        Team = SalesTeam.From(clientBase.Managers, new PeopleDirectory(clientBase.Managers, settings.People));
        Stages = new StageCatalog(clientBase.Pipelines, settings);
        Deals = clientBase.Deals.Where(deal => !deal.IsDeleted).ToList();
        dealsByOwner = GroupByOwner(Deals, Team);

        // Each listed deal's moves, looked up once: the funnels read them for every deal several times.
        changesOfDeal = new ArraySegment<StageChange>[Deals.Count];
        for (var i = 0; i < changesOfDeal.Length; i++)
        {
            changesOfDeal[i] = Index.StageChangesOf(Deals[i].Ref);
        }
    }

    public ClientBase Base { get; }

    public KpiSettings Settings { get; }

    public SalesTeam Team { get; }

    public StageCatalog Stages { get; }

    /// <summary>The moment the report is for: client statuses, grades and income windows are as of it.</summary>
    public DateTimeOffset Now { get; }

    public PortalCalendar Calendar { get; }

    /// <summary>The same per-company and per-deal lookups the rules use (one home for grouping by deal or company).</summary>
    public ClientIndex Index { get; }

    /// <summary>Clients (INN groups) with statuses, grades and funnels, built on first use.</summary>
    public ClientBook Clients => clients ??= new ClientBook(
        Index, ClientGroups.ByInn(Base.Companies), Settings.Clients, Settings.Currency, Calendar, Now);

    /// <summary>Every company by reference, built on first use and shared by the calculators (a reference listed twice throws).</summary>
    public IReadOnlyDictionary<CrmRef, Company> CompaniesByRef => companiesByRef ??= Base.Companies.ToDictionary(company => company.Ref);

    /// <summary>Deals still present in the CRM.</summary>
    public IReadOnlyList<Deal> Deals { get; }

    /// <param name="zone">The portal's time zone (days of the sleeping term); null is UTC.</param>
    /// <param name="now">The report's moment for client statuses and grades; null judges clients on everything recorded.</param>
    public static KpiContext From(ClientBase clientBase, KpiSettings settings, TimeZoneInfo? zone = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(clientBase);
        ArgumentNullException.ThrowIfNull(settings);
        return new KpiContext(clientBase, settings, zone ?? TimeZoneInfo.Utc, now ?? DateTimeOffset.MaxValue);
    }

    /// <summary>The deal's stage moves, oldest first.</summary>
    public ArraySegment<StageChange> ChangesOf(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return Index.StageChangesOf(deal.Ref);
    }

    /// <summary>The moves of the deal at the position in <see cref="Deals"/>, oldest first.</summary>
    public ArraySegment<StageChange> ChangesAt(int deal) => changesOfDeal[deal];

    /// <summary>The deals the person owns, in <see cref="Deals"/> order; each deal's owner is resolved once per report.</summary>
    public IReadOnlyList<Deal> DealsOf(SalesPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return dealsByOwner.TryGetValue(person, out var deals) ? deals : [];
    }

    public (string Currency, decimal Amount) MoneyOf(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return Settings.Currency.Normalize(deal.Currency, deal.Amount);
    }

    /// <summary>Where the deal stood at a moment: the last move before it, else where the first later move came from, else now.</summary>
    public string StageAt(Deal deal, DateTimeOffset moment) => StageAt(deal, ChangesOf(deal), moment);

    /// <summary>As <see cref="StageAt(Deal, DateTimeOffset)"/>, with the deal's moves at hand.</summary>
    public static string StageAt(Deal deal, ArraySegment<StageChange> changes, DateTimeOffset moment)
    {
        ArgumentNullException.ThrowIfNull(deal);
        for (var i = changes.Count - 1; i >= 0; i--)
        {
            // A loop, not LastOrDefault with a lambda: this runs for every deal in every funnel and weekly figure.
            if (changes[i].At <= moment)
            {
                return changes[i].ToStageId;
            }
        }

        return changes.Count > 0 && changes[0].FromStageId is { } origin ? origin : deal.StageId;
    }

    /// <summary>
    /// True when one of the deal's moves inside the window went to a stage <paramref name="kind"/> picks. Called for
    /// every deal by the funnel and weekly figures, so a plain loop and a static predicate: nothing is allocated.
    /// </summary>
    public bool MovedInto(Deal deal, TimeWindow window, Func<StageInfo, bool> kind) => MovedInto(deal, ChangesOf(deal), window, kind);

    /// <summary>As <see cref="MovedInto(Deal, TimeWindow, Func{StageInfo, bool})"/>, with the deal's moves at hand.</summary>
    public bool MovedInto(Deal deal, ArraySegment<StageChange> changes, TimeWindow window, Func<StageInfo, bool> kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        for (var i = 0; i < changes.Count; i++)
        {
            if (window.Contains(changes[i].At) && Stages.Find(deal, changes[i].ToStageId) is { } stage && kind(stage))
            {
                return true;
            }
        }

        return false;
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

    private static Dictionary<SalesPerson, List<Deal>> GroupByOwner(IReadOnlyList<Deal> deals, SalesTeam team)
    {
        // The team hands out its own person objects, so grouping by identity skips a record comparison per deal.
        var byIdentity = new Dictionary<SalesPerson, List<Deal>>(ReferenceEqualityComparer.Instance);
        foreach (var deal in deals)
        {
            if (team.OwnerOf(deal.Ref, deal.OwnerId) is not { } owner)
            {
                continue;
            }

            if (!byIdentity.TryGetValue(owner, out var list))
            {
                byIdentity[owner] = list = [];
            }

            list.Add(deal);
        }

        return new Dictionary<SalesPerson, List<Deal>>(byIdentity);
    }
}
