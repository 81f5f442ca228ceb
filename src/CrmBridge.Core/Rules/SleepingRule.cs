using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>
/// Sleeping and lost clients: a client (a card with at least one closed deal) with no won deal and no contact for
/// <see cref="RuleSettings.SleepingDays"/> local days goes to the reactivation list. Lost deals keep their reason.
/// Postponed and quarantined cards are out of the working base and are not listed.
/// </summary>
public sealed class SleepingRule : IRule
{
    public const string KindSleeping = "sleeping";
    public const string KindLost = "lost";

    public IEnumerable<Finding> Evaluate(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var company in input.LiveCompanies)
        {
            var days = input.SettingsFor(company).SleepingDays;
            var deals = input.Index.DealsOf(company.Ref);
            if (days <= 0 || !AnyClosed(deals) || !WorkingBase.IsWorked(company, input))
            {
                continue;
            }

            var (lastWon, lastLost, lostDeals) = Closed(deals);
            var lastContact = input.Index.LastContactOf(company.Ref)?.At;
            var lastTouch = Max(lastWon, lastContact) ?? company.CreatedAt;
            var idle = input.Calendar.DaysBetween(lastTouch, input.Now);
            if (idle < days)
            {
                continue;
            }

            yield return new Finding
            {
                Rule = RuleNames.Sleeping,
                Subject = company.Ref,
                OwnerId = company.OwnerId,
                Severity = Severity.Info,
                DetectedAt = input.Now,
                Period = FindingData.Date(input.Calendar.DateOf(lastTouch)),
                Data = new Dictionary<string, string>
                {
                    ["kind"] = lastWon is null ? KindLost : KindSleeping,
                    ["ownerId"] = company.OwnerId ?? "",
                    ["lastWonAt"] = lastWon is { } won ? FindingData.Moment(input.Calendar.Local(won)) : "",
                    ["lastContactAt"] = lastContact is { } contact ? FindingData.Moment(input.Calendar.Local(contact)) : "",
                    ["idleDays"] = FindingData.Number(idle),
                    ["lostDeals"] = FindingData.Number(lostDeals),
                    ["lastLostDealId"] = lastLost?.Ref.Id ?? "",
                    ["lastLostReason"] = lastLost?.LossReason ?? "",
                },
            };
        }
    }

    private static bool AnyClosed(ArraySegment<Deal> deals)
    {
        foreach (var deal in deals)
        {
            if (deal.Outcome != DealOutcome.Open)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The latest won moment, the lost deal that closed last (the first of equal moments, as MaxBy picks) and how many
    /// were lost: one loop, since this runs for every card with a closed deal.
    /// </summary>
    private static (DateTimeOffset? LastWon, Deal? LastLost, int LostDeals) Closed(ArraySegment<Deal> deals)
    {
        DateTimeOffset? lastWon = null;
        Deal? lastLost = null;
        var lastLostAt = DateTimeOffset.MinValue;
        var lost = 0;
        foreach (var deal in deals)
        {
            var at = deal.ClosedAt ?? deal.ModifiedAt;
            if (deal.Outcome == DealOutcome.Won && (lastWon is null || at > lastWon))
            {
                lastWon = at;
            }
            else if (deal.Outcome == DealOutcome.Lost)
            {
                lost++;
                if (lastLost is null || at > lastLostAt)
                {
                    (lastLost, lastLostAt) = (deal, at);
                }
            }
        }

        return (lastWon, lastLost, lost);
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}
