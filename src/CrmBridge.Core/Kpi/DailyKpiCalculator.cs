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
        var activities = context.Base.Activities
            .Where(activity => !activity.IsDeleted && activity.Completed && window.Contains(activity.At))
            .Select(activity => (activity, owner: context.Team.OwnerOf(activity.Ref, activity.OwnerId)))
            .Where(item => item.owner is not null)
            .ToList();

        return context.Team.People.Select(person =>
        {
            var mine = activities.Where(item => item.owner == person).Select(item => item.activity).ToList();
            var myDeals = context.DealsOf(person);
            var won = myDeals.Where(deal => deal.Outcome == DealOutcome.Won && window.Contains(deal.ClosedAt)).ToList();
            var created = myDeals.Where(deal => window.Contains(deal.CreatedAt)).ToList();
            return new ManagerDay(
                person,
                mine.Count(activity => activity.Kind == ActivityKind.Call),
                mine.Count(activity => activity.Kind == ActivityKind.Meeting),
                created.Count,
                won.Count,
                MoneyBag.Sum(won.Select(context.MoneyOf)),
                context.Settings.PlanFor(person)?.Daily)
            {
                CallsOut = mine.Count(activity => activity.Kind == ActivityKind.Call && activity.Direction == Direction.Outbound),
                CreatedAmount = MoneyBag.Sum(created.Select(context.MoneyOf)),
            };
        }).ToList();
    }
}
