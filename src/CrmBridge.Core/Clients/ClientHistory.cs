using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;

namespace CrmBridge.Core.Clients;

/// <summary>
/// One client's relationship over time, across all its cards in both CRMs: deals opened, won and lost, and contacts
/// (completed calls and meetings), oldest first. Built once per client and only for clients that have deals.
/// </summary>
public sealed class ClientHistory
{
    private readonly List<(DateTimeOffset At, Touch Kind)> _events;

    // The local day of Since and of each event, worked out once per calendar: StateAt runs for the client's status and
    // for each of its deals in every funnel, and a time-zone conversion per event and call was most of its cost.
    private LocalDays? _days;

    private ClientHistory(DateTimeOffset since, List<(DateTimeOffset, Touch)> events, List<Deal> won, List<Deal> deals)
    {
        Since = since;
        _events = events;
        Won = won;
        Deals = deals;
    }

    private enum Touch
    {
        LostDeal,
        WonDeal,
        DealCreated,
        Contact,
    }

    /// <summary>When the oldest card of the client was created: the idle clock's start when nothing else happened.</summary>
    public DateTimeOffset Since { get; }

    /// <summary>Won deals, in the order they were won.</summary>
    public IReadOnlyList<Deal> Won { get; }

    /// <summary>Every live deal of the client's cards.</summary>
    public IReadOnlyList<Deal> Deals { get; }

    /// <summary>When a closed deal closed: its close date, or its last change when the CRM gave none.</summary>
    public static DateTimeOffset ClosedAt(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return deal.ClosedAt ?? deal.ModifiedAt;
    }

    public static ClientHistory Of(IReadOnlyList<Company> cards, ClientIndex index)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(index);
        // Sized up front (a deal gives at most two events, an activity one): a million clients grow no lists.
        var dealsOf = new ArraySegment<Deal>[cards.Count];
        var activitiesOf = new ArraySegment<Activity>[cards.Count];
        var dealCount = 0;
        var activityCount = 0;
        for (var i = 0; i < cards.Count; i++)
        {
            dealsOf[i] = index.DealsOf(cards[i].Ref);
            activitiesOf[i] = index.ActivitiesOf(cards[i].Ref);
            dealCount += dealsOf[i].Count;
            activityCount += activitiesOf[i].Count;
        }

        var events = new List<(DateTimeOffset, Touch)>((2 * dealCount) + activityCount);
        var won = new List<Deal>(dealCount);
        var deals = new List<Deal>(dealCount);
        var since = DateTimeOffset.MaxValue;
        for (var i = 0; i < cards.Count; i++)
        {
            var card = cards[i];
            since = card.CreatedAt < since ? card.CreatedAt : since;
            foreach (var deal in dealsOf[i])
            {
                deals.Add(deal);
                events.Add((deal.CreatedAt, Touch.DealCreated));
                if (deal.Outcome == DealOutcome.Won)
                {
                    won.Add(deal);
                    events.Add((ClosedAt(deal), Touch.WonDeal));
                }
                else if (deal.Outcome == DealOutcome.Lost)
                {
                    events.Add((ClosedAt(deal), Touch.LostDeal));
                }
            }

            foreach (var activity in activitiesOf[i])
            {
                if (ClientIndex.IsContact(activity))
                {
                    events.Add((activity.At, Touch.Contact));
                }
            }
        }

        events.Sort(static (a, b) => a.Item1 != b.Item1 ? a.Item1.CompareTo(b.Item1) : a.Item2.CompareTo(b.Item2));
        won.Sort(static (a, b) => ClosedAt(a).CompareTo(ClosedAt(b)));
        return new ClientHistory(since, events, won, deals);
    }

    /// <summary>
    /// The client's state just before <paramref name="moment"/>, reading what happened strictly before it. Touches are
    /// won deals, contacts and deals opened. Walking the history: a won deal makes the client Active; a touch that comes
    /// after a quiet spell of at least <paramref name="sleepingDays"/> local days (counted from the last touch, else from
    /// the oldest card's creation) in a client that already had a closed deal wakes it up as Sleeping (it had bought) or
    /// Lost (it had not), and it stays so until its next won deal; the same quiet spell up to the moment itself makes it
    /// Sleeping or Lost. A lost deal marks the client as having had a closed deal but is not a touch (like the sleeping
    /// list). A client without closed deals, or one never won and not quiet, is a Prospect. 0 days turns sleeping off.
    /// </summary>
    public ClientState StateAt(DateTimeOffset moment, int sleepingDays, PortalCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var days = sleepingDays > 0 ? DaysOn(calendar) : null;
        var state = ClientState.Prospect;
        var lastDay = days?.Since ?? 0;
        bool everClosed = false, everWon = false;
        for (var i = 0; i < _events.Count; i++)
        {
            var (at, kind) = _events[i];
            if (at >= moment)
            {
                break;
            }

            if (kind == Touch.LostDeal)
            {
                everClosed = true;
                continue;
            }

            if (days is not null && everClosed && days.Events[i] - lastDay >= sleepingDays)
            {
                state = everWon ? ClientState.Sleeping : ClientState.Lost;
            }

            if (kind == Touch.WonDeal)
            {
                state = ClientState.Active;
                everWon = everClosed = true;
            }

            lastDay = days is null ? 0 : days.Events[i];
        }

        var quietNow = days is not null && everClosed && calendar.DateOf(moment).DayNumber - lastDay >= sleepingDays;
        return quietNow ? (everWon ? ClientState.Sleeping : ClientState.Lost) : state;
    }

    private LocalDays DaysOn(PortalCalendar calendar)
    {
        var days = _days;
        if (days is null || !ReferenceEquals(days.Calendar, calendar))
        {
            var events = new int[_events.Count];
            for (var i = 0; i < events.Length; i++)
            {
                events[i] = calendar.DateOf(_events[i].At).DayNumber;
            }

            // Swapped whole, so a reader on another thread sees one consistent set.
            // Without events Since is never compared (and may be MaxValue, which no zone can convert).
            _days = days = new LocalDays(calendar, events.Length == 0 ? 0 : calendar.DateOf(Since).DayNumber, events);
        }

        return days;
    }

    private sealed record LocalDays(PortalCalendar Calendar, int Since, int[] Events);
}
