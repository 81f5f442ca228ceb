using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>
/// One owner: a client (a card, or the cards of one INN group in either CRM) worked by two or more managers — different
/// card owners, or evidence of a manager other than a card's owner inside the window: a completed call, meeting or
/// task, an e-mail, a note (an amoCRM "common" note such as "Отправлено КП") or a proposal, or an open deal. On each
/// card the window starts no earlier than when its current owner got it: work from before a reassignment is not a
/// conflict. The head is alerted once per set of managers involved.
/// </summary>
public sealed class ConflictRule : IRule
{
    public IEnumerable<Finding> Evaluate(RuleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var clients = input.Clients;
        for (var client = 0; client < clients.Count; client++)
        {
            var group = clients.CardsOf(client);
            var workers = new ConflictWorkers(input.People);
            var windowDays = 0;
            foreach (var card in group)
            {
                windowDays = Math.Max(windowDays, input.SettingsFor(card).ConflictWindowDays);
            }

            var windowStart = input.Calendar.StartOf(input.Today.AddDays(-windowDays));
            foreach (var card in group)
            {
                CollectEvidence(input, card, windowStart, workers, withText: false);
            }

            if (workers.Count >= 2)
            {
                // Nearly every client has one worker: the evidence text is written only for the few in conflict.
                workers = new ConflictWorkers(input.People);
                foreach (var card in group)
                {
                    CollectEvidence(input, card, windowStart, workers, withText: true);
                }

                yield return FindingOf(input, group, workers, windowDays);
            }
        }
    }

    /// <summary>Calls, meetings and tasks count once done; an e-mail, a note or a proposal is a fact as soon as it exists.</summary>
    public static bool IsEvidence(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return !activity.IsDeleted && activity.Kind switch
        {
            ActivityKind.Call or ActivityKind.Meeting or ActivityKind.Task => activity.Completed,
            _ => true,
        };
    }

    /// <param name="withText">False to learn only who works the client: the same workers, without evidence text.</param>
    private static void CollectEvidence(RuleInput input, Company card, DateTimeOffset windowStart, ConflictWorkers workers, bool withText)
    {
        var owner = ManagerDirectory.OwnerOf(card);
        if (owner is not null)
        {
            workers.Add(owner, withText ? $"owner of card {card.Ref.Key}" : null);
        }

        // A reassignment ends the previous owner's claim: only what happened since the current owner got the card counts.
        var ownerSince = OwnershipClock.OwnerSinceOf(input.Index, card);
        var from = ownerSince > windowStart ? ownerSince : windowStart;

        bool ByAnother(CrmRef user) => owner is null || !input.People.SamePerson(user, owner);

        foreach (var activity in input.Index.ActivitiesOf(card.Ref))
        {
            if (activity.At >= from && activity.At <= input.Now && IsEvidence(activity)
                && ManagerDirectory.UserOf(activity.Ref, activity.OwnerId) is { } by && ByAnother(by))
            {
                workers.Add(by, withText ? $"{activity.Kind.ToString().ToLowerInvariant()} {activity.Ref.Key} at {FindingData.Moment(input.Calendar.Local(activity.At))} on card {card.Ref.Key}" : null);
            }
        }

        foreach (var deal in input.Index.DealsOf(card.Ref))
        {
            if (deal.Outcome == DealOutcome.Open && deal.ModifiedAt >= from
                && ManagerDirectory.UserOf(deal.Ref, deal.OwnerId) is { } by && ByAnother(by))
            {
                workers.Add(by, withText ? $"open deal {deal.Ref.Key} \"{deal.Title}\" on card {card.Ref.Key}" : null);
            }
        }
    }

    private static Finding FindingOf(RuleInput input, ArraySegment<Company> group, ConflictWorkers workers, int windowDays)
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
