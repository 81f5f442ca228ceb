using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>
/// Contact cooldown: every contact (completed call of either direction, completed meeting, by anyone) starts a rest of
/// <see cref="RuleSettings.CooldownDays"/> local days; an outbound contact before the rest ends is a violation by the
/// manager who made it.
/// </summary>
public sealed class CooldownRule : IRule
{
    public IEnumerable<Finding> Evaluate(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var from = input.Calendar.StartOf(input.Today.AddDays(-input.Settings.CooldownLookbackDays));
        return Violations(input, from, input.Now);
    }

    /// <summary>Violations by contacts made in [from, to): the digest counts them per manager for any window.</summary>
    public static IReadOnlyList<Finding> Violations(RuleInput input, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(input);
        var findings = new List<Finding>();
        foreach (var company in input.LiveCompanies)
        {
            var days = input.SettingsFor(company).CooldownDays;
            Activity? previous = null;
            foreach (var contact in input.Index.ActivitiesOf(company.Ref).Where(ClientIndex.IsContact))
            {
                if (previous is not null && contact.At >= from && contact.At < to && IsViolation(input, previous, contact, days))
                {
                    findings.Add(ViolationOf(input, company, previous, contact, days));
                }

                previous = contact;
            }
        }

        return findings;
    }

    /// <summary>The first local day a contact after <paramref name="lastContact"/> is allowed.</summary>
    public static DateOnly RestEnds(RuleInput input, Activity lastContact, int cooldownDays)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(lastContact);
        return input.Calendar.DateOf(lastContact.At).AddDays(cooldownDays);
    }

    private static bool IsViolation(RuleInput input, Activity previous, Activity contact, int days) =>
        ClientIndex.IsOutboundContact(contact)
        && input.Calendar.DateOf(contact.At) < RestEnds(input, previous, days)
        && ManagerDirectory.UserOf(contact.Ref, contact.OwnerId) is { } maker
        && input.People.IsManager(maker);

    private static Finding ViolationOf(RuleInput input, Company company, Activity previous, Activity contact, int days)
    {
        var maker = contact.Ref.Sibling(contact.OwnerId!);
        var previousBy = ManagerDirectory.UserOf(previous.Ref, previous.OwnerId);
        var contactDate = input.Calendar.DateOf(contact.At);
        return new Finding
        {
            Rule = RuleNames.Cooldown,
            Subject = company.Ref,
            OwnerId = contact.OwnerId,
            Severity = Severity.Violation,
            DetectedAt = input.Now,
            Period = $"{FindingData.Date(contactDate)}/{contact.Ref.Id}",
            Data = new Dictionary<string, string>
            {
                ["managerId"] = maker.Id,
                ["managerName"] = input.People.NameOf(maker),
                ["contactId"] = contact.Ref.Id,
                ["contactKind"] = contact.Kind.ToString(),
                ["contactAt"] = FindingData.Moment(input.Calendar.Local(contact.At)),
                ["previousContactId"] = previous.Ref.Id,
                ["previousContactAt"] = FindingData.Moment(input.Calendar.Local(previous.At)),
                ["previousManagerId"] = previousBy?.Id ?? "",
                ["previousManagerName"] = previousBy is null ? "" : input.People.NameOf(previousBy),
                ["restUntil"] = FindingData.Date(RestEnds(input, previous, days)),
                ["cooldownDays"] = FindingData.Number(days),
                ["companyOwnerId"] = company.OwnerId ?? "",
            },
        };
    }
}
