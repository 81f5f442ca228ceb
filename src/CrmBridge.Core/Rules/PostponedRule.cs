using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>
/// Postponed: a card postponed with a reason and a return date is hidden from work until that local day; on the day
/// (or the first evaluation after it) its owner is told it is due.
/// </summary>
public sealed class PostponedRule : IRule
{
    public IEnumerable<Finding> Evaluate(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var company in input.LiveCompanies)
        {
            if (WorkingBase.PostponedReturn(company, input.SettingsFor(company)) is not { } returnAt)
            {
                continue;
            }

            var dueDay = input.Calendar.DateOf(returnAt);
            if (input.Today < dueDay)
            {
                continue;
            }

            yield return new Finding
            {
                Rule = RuleNames.PostponedDue,
                Subject = company.Ref,
                OwnerId = company.OwnerId,
                Severity = Severity.Info,
                DetectedAt = input.Now,
                Period = FindingData.Date(dueDay),
                Data = new Dictionary<string, string>
                {
                    ["ownerId"] = company.OwnerId ?? "",
                    ["ownerName"] = ManagerDirectory.OwnerOf(company) is { } owner ? input.People.NameOf(owner) : "",
                    ["reason"] = company.PostponeReason ?? "",
                    ["dueOn"] = FindingData.Date(dueDay),
                    ["returnDateGiven"] = FindingData.Flag(company.PostponedUntil is not null),
                },
            };
        }
    }
}
