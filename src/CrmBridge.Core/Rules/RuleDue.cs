using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>
/// When a company's findings can next change while none of its records does: an ownership warning or timeout day, a
/// postponement's or quarantine's return, a client falling asleep, evidence entering or leaving a conflict window, a
/// repeat slot of a standing nudge. The incremental tick evaluates a company again at that moment (or when its records
/// change), so it finds what a full evaluation would. Every candidate is exact or early, never late: an early one only
/// costs an evaluation.
/// </summary>
public static class RuleDue
{
    /// <param name="input">The evaluation the company was part of.</param>
    /// <param name="company">The company.</param>
    /// <param name="conflictWindows">Every conflict window (days) that applies to a card of the base.</param>
    /// <param name="hasFindings">The company has findings now: it is looked at again the next local day (and repeat slot).</param>
    /// <param name="repeat">The nudge repeat interval, if any.</param>
    public static DateTimeOffset? Next(RuleInput input, Company company, IReadOnlyCollection<int> conflictWindows, bool hasFindings, TimeSpan? repeat)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(conflictWindows);
        var next = new Earliest(input.Now);
        var calendar = input.Calendar;
        var settings = input.SettingsFor(company);
        void Day(DateOnly day) => next.Add(calendar.StartOf(day));

        if (WorkingBase.PostponedReturn(company, settings) is { } returnAt)
        {
            Day(calendar.DateOf(returnAt));
            next.Add(returnAt);
        }

        if (company.QuarantinedUntil is { } until)
        {
            Day(calendar.DateOf(until));
        }

        if (settings.OwnershipTermDays > 0 && ManagerDirectory.OwnerOf(company) is not null)
        {
            var clock = OwnershipClock.Of(input, company);
            var start = calendar.DateOf(clock.Start);
            next.Add(clock.Start);
            Day(start.AddDays(settings.OwnershipTermDays - settings.OwnershipWarningDays));
            Day(start.AddDays(settings.OwnershipTermDays));
        }

        var deals = input.Index.DealsOf(company.Ref);
        var activities = input.Index.ActivitiesOf(company.Ref);
        if (settings.SleepingDays > 0)
        {
            // Every moment that can be the client's last touch: the rule picks one of them.
            Day(calendar.DateOf(company.CreatedAt).AddDays(settings.SleepingDays));
            foreach (var deal in deals.Where(d => d.Outcome == DealOutcome.Won))
            {
                Day(calendar.DateOf(deal.ClosedAt ?? deal.ModifiedAt).AddDays(settings.SleepingDays));
            }

            foreach (var activity in activities)
            {
                Day(calendar.DateOf(activity.At).AddDays(settings.SleepingDays));
            }
        }

        foreach (var activity in activities)
        {
            // A contact dated ahead counts from its moment (conflict evidence) or just after it (cooldown, which counts
            // contacts before now); evidence leaves a window the day after the window ends.
            next.Add(activity.At);
            next.Add(activity.At.AddTicks(1));
            foreach (var window in conflictWindows)
            {
                Day(calendar.DateOf(activity.At).AddDays(window + 1));
            }
        }

        foreach (var deal in deals)
        {
            foreach (var window in conflictWindows)
            {
                Day(calendar.DateOf(deal.ModifiedAt).AddDays(window + 1));
            }
        }

        if (hasFindings)
        {
            Day(input.Today.AddDays(1));
            if (repeat is { } interval && interval > TimeSpan.Zero)
            {
                var local = calendar.Local(input.Now);
                next.Add(input.Now + TimeSpan.FromTicks(interval.Ticks - (local.DateTime.Ticks % interval.Ticks)));
            }
        }

        return next.Moment;
    }

    /// <summary>The conflict windows of every card in the base, for <see cref="Next"/>.</summary>
    public static IReadOnlyCollection<int> ConflictWindows(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [.. input.LiveCompanies.Select(c => input.SettingsFor(c).ConflictWindowDays).Append(input.Settings.ConflictWindowDays).Distinct()];
    }

    private sealed class Earliest(DateTimeOffset now)
    {
        public DateTimeOffset? Moment { get; private set; }

        public void Add(DateTimeOffset at)
        {
            if (at > now && (Moment is null || at < Moment))
            {
                Moment = at;
            }
        }
    }
}
