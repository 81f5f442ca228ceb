using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

/// <summary>
/// Calls, meetings, deals created and won per manager in a window. A call or meeting counts when completed, in either
/// direction, at its time (Activity.At); a deal is won at ClosedAt (Bitrix24 MOVED_TIME, amoCRM closed_at).
/// </summary>
public static class DailyKpiCalculator
{
    public static IReadOnlyList<ManagerDay> Compute(KpiContext context, TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(context);

        // One pass over the activities, counted by owner (the team hands out its own person objects, so by identity),
        // instead of one pass per manager.
        var counts = new Dictionary<SalesPerson, ActivityCounts>(ReferenceEqualityComparer.Instance);
        foreach (var activity in context.Base.Activities)
        {
            if (activity.IsDeleted || !activity.Completed || !window.Contains(activity.At)
                || context.Team.OwnerOf(activity.Ref, activity.OwnerId) is not { } owner)
            {
                continue;
            }

            if (!counts.TryGetValue(owner, out var mine))
            {
                counts[owner] = mine = new ActivityCounts();
            }

            mine.Add(activity);
        }

        return context.Team.People.Select(person =>
        {
            var mine = counts.GetValueOrDefault(person) ?? new ActivityCounts();
            var myDeals = context.DealsOf(person);
            var won = myDeals.Where(deal => deal.Outcome == DealOutcome.Won && window.Contains(deal.ClosedAt)).ToList();
            var created = myDeals.Where(deal => window.Contains(deal.CreatedAt)).ToList();
            return new ManagerDay(
                person,
                mine.Calls,
                mine.Meetings,
                created.Count,
                won.Count,
                MoneyBag.Sum(won.Select(context.MoneyOf)),
                context.Settings.PlanFor(person)?.Daily)
            {
                CallsOut = mine.CallsOut,
                CreatedAmount = MoneyBag.Sum(created.Select(context.MoneyOf)),
            };
        }).ToList();
    }

    private sealed class ActivityCounts
    {
        public int Calls { get; private set; }

        public int Meetings { get; private set; }

        public int CallsOut { get; private set; }

        public void Add(Activity activity)
        {
            if (activity.Kind == ActivityKind.Call)
            {
                Calls++;
                CallsOut += activity.Direction == Direction.Outbound ? 1 : 0;
            }
            else if (activity.Kind == ActivityKind.Meeting)
            {
                Meetings++;
            }
        }
    }
}
