using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>
/// One owner: a client (a card, or the cards of one INN group) worked by two or more managers — different card
/// owners, or a completed call, meeting or e-mail, or an open deal, of a manager other than the card's owner inside
/// the window. The head is alerted once per set of managers involved.
/// </summary>
public sealed class ConflictRule : IRule
{
    private static readonly ActivityKind[] EvidenceKinds = [ActivityKind.Call, ActivityKind.Meeting, ActivityKind.Email];

    public IEnumerable<Finding> Evaluate(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var group in Groups(input))
        {
            var workers = new ConflictWorkers(input.People);
            var windowDays = group.Max(c => input.SettingsFor(c).ConflictWindowDays);
            var windowStart = input.Calendar.StartOf(input.Today.AddDays(-windowDays));
            foreach (var card in group)
            {
                CollectEvidence(input, card, windowStart, workers);
            }

            if (workers.Count >= 2)
            {
                yield return FindingOf(input, group, workers, windowDays);
            }
        }
    }

    private static List<List<Company>> Groups(RuleInput input)
    {
        var grouped = new HashSet<CrmRef>();
        var groups = new List<List<Company>>();
        foreach (var refs in input.InnGroups)
        {
            var cards = refs.Select(input.Index.Company).OfType<Company>().Where(c => !c.IsDeleted && grouped.Add(c.Ref)).ToList();
            if (cards.Count > 0)
            {
                groups.Add(cards);
            }
        }

        groups.AddRange(input.LiveCompanies.Where(c => !grouped.Contains(c.Ref)).Select(c => new List<Company> { c }));
        return groups;
    }

    private static void CollectEvidence(RuleInput input, Company card, DateTimeOffset windowStart, ConflictWorkers workers)
    {
        var owner = ManagerDirectory.OwnerOf(card);
        if (owner is not null)
        {
            workers.Add(owner, $"owner of card {card.Ref.Key}");
        }

        bool ByAnother(CrmRef user) => owner is null || !input.People.SamePerson(user, owner);

        foreach (var activity in input.Index.ActivitiesOf(card.Ref))
        {
            if (activity.Completed && EvidenceKinds.Contains(activity.Kind) && activity.At >= windowStart && activity.At <= input.Now
                && ManagerDirectory.UserOf(activity.Ref, activity.OwnerId) is { } by && ByAnother(by))
            {
                var at = FindingData.Moment(input.Calendar.Local(activity.At));
                workers.Add(by, $"{activity.Kind.ToString().ToLowerInvariant()} {activity.Ref.Key} at {at} on card {card.Ref.Key}");
            }
        }

        foreach (var deal in input.Index.DealsOf(card.Ref))
        {
            if (deal.Outcome == DealOutcome.Open && deal.ModifiedAt >= windowStart
                && ManagerDirectory.UserOf(deal.Ref, deal.OwnerId) is { } by && ByAnother(by))
            {
                workers.Add(by, $"open deal {deal.Ref.Key} \"{deal.Title}\" on card {card.Ref.Key}");
            }
        }
    }

    private static Finding FindingOf(RuleInput input, List<Company> group, ConflictWorkers workers, int windowDays)
    {
        var subject = group[0];
        var owner = ManagerDirectory.OwnerOf(subject);
        var ownerWorker = owner is null ? null : workers.Find(owner);
        var other = workers.All.First(w => w != ownerWorker);
        var first = ownerWorker ?? workers.All[0];
        return new Finding
        {
            Rule = RuleNames.Conflict,
            Subject = subject.Ref,
            OwnerId = subject.OwnerId,
            Severity = Severity.Violation,
            DetectedAt = input.Now,
            Period = string.Join('+', workers.All.Select(w => w.PersonKey).Order(StringComparer.Ordinal)),
            Data = new Dictionary<string, string>
            {
                ["ownerId"] = first.User.Id,
                ["ownerName"] = input.People.NameOf(first.User),
                ["otherId"] = other.User.Id,
                ["otherName"] = input.People.NameOf(other.User),
                ["managerIds"] = string.Join(", ", workers.All.Select(w => w.User.Key)),
                ["managerNames"] = string.Join(", ", workers.All.Select(w => input.People.NameOf(w.User))),
                ["cards"] = string.Join(", ", group.Select(c => c.Ref.Key)),
                ["evidence"] = string.Join("\n", workers.All.SelectMany(w => w.Evidence.Select(e => $"{input.People.NameOf(w.User)}: {e}"))),
                ["windowDays"] = FindingData.Number(windowDays),
            },
        };
    }
}
