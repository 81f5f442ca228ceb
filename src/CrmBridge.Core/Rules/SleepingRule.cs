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
            if (days <= 0 || !deals.Any(d => d.Outcome != DealOutcome.Open) || !WorkingBase.IsWorked(company, input))
            {
                continue;
            }

            var lastWon = deals.Where(d => d.Outcome == DealOutcome.Won).Select(d => (DateTimeOffset?)(d.ClosedAt ?? d.ModifiedAt)).Max();
            var lastContact = input.Index.ActivitiesOf(company.Ref).LastOrDefault(ClientIndex.IsContact)?.At;
            var lastTouch = Max(lastWon, lastContact) ?? company.CreatedAt;
            var idle = input.Calendar.DaysBetween(lastTouch, input.Now);
            if (idle < days)
            {
                continue;
            }

            var lastLost = deals.Where(d => d.Outcome == DealOutcome.Lost).MaxBy(d => d.ClosedAt ?? d.ModifiedAt);
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
                    ["lostDeals"] = FindingData.Number(deals.Count(d => d.Outcome == DealOutcome.Lost)),
                    ["lastLostDealId"] = lastLost?.Ref.Id ?? "",
                    ["lastLostReason"] = lastLost?.LossReason ?? "",
                },
            };
        }
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);
}
