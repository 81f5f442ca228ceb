using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>
/// Contact cooldown, per client: every contact (completed call of either direction, completed meeting, by anyone) on
/// any card of the client's INN group, in either CRM, starts a rest of <see cref="RuleSettings.CooldownDays"/> local
/// days for the whole client; an outbound contact before the rest ends is a violation by the manager who made it,
/// reported on the card it was made on.
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
        var contacts = new List<(Activity Contact, Company Card)>();
        var clients = input.Clients;
        for (var client = 0; client < clients.Count; client++)
        {
            contacts.Clear();
            foreach (var card in clients.CardsOf(client))
            {
                foreach (var activity in input.Index.ActivitiesOf(card.Ref))
                {
                    if (ClientIndex.IsContact(activity))
                    {
                        contacts.Add((activity, card));
                    }
                }
            }

            if (clients.CardsOf(client).Count > 1)
            {
                // Each card's contacts are in time order already; only a client of several cards needs a merge.
                contacts.Sort(static (a, b) => a.Contact.At != b.Contact.At
                    ? a.Contact.At.CompareTo(b.Contact.At)
                    : string.CompareOrdinal(a.Contact.Ref.Key, b.Contact.Ref.Key));
            }

            (Activity Contact, Company Card)? previous = null;
            foreach (var current in contacts)
            {
                var days = input.SettingsFor(current.Card).CooldownDays;
                if (previous is { } before && current.Contact.At >= from && current.Contact.At < to && IsViolation(input, before.Contact, current.Contact, days))
                {
                    findings.Add(ViolationOf(input, current.Card, before, current.Contact, days));
                }

                previous = current;
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

    private static Finding ViolationOf(RuleInput input, Company company, (Activity Contact, Company Card) before, Activity contact, int days)
    {
        var previous = before.Contact;
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
                ["previousContactCard"] = before.Card.Ref.Key,
                ["previousManagerId"] = previousBy?.Id ?? "",
                ["previousManagerName"] = previousBy is null ? "" : input.People.NameOf(previousBy),
                ["restUntil"] = FindingData.Date(RestEnds(input, previous, days)),
                ["cooldownDays"] = FindingData.Number(days),
                ["companyOwnerId"] = company.OwnerId ?? "",
            },
        };
    }
}
