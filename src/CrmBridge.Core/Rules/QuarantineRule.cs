using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>
/// Quarantine: dead contacts and closed companies stay out of the working base until their re-check date; from that
/// local day on they are listed for the head to re-check.
/// </summary>
public sealed class QuarantineRule : IRule
{
    public IEnumerable<Finding> Evaluate(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var company in input.LiveCompanies)
        {
            if (company.QuarantinedUntil is not { } until || input.Today < input.Calendar.DateOf(until))
            {
                continue;
            }

            var dueDay = input.Calendar.DateOf(until);
            yield return new Finding
            {
                Rule = RuleNames.QuarantineDue,
                Subject = company.Ref,
                OwnerId = company.OwnerId,
                Severity = Severity.Info,
                DetectedAt = input.Now,
                Period = FindingData.Date(dueDay),
                Data = new Dictionary<string, string>
                {
                    ["ownerId"] = company.OwnerId ?? "",
                    ["ownerName"] = ManagerDirectory.OwnerOf(company) is { } owner ? input.People.NameOf(owner) : "",
                    ["recheckOn"] = FindingData.Date(dueDay),
                    ["daysOverdue"] = FindingData.Number(input.Today.DayNumber - dueDay.DayNumber),
                },
            };
        }
    }
}
