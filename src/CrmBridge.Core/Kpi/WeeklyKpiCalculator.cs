using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

/// <summary>The weekly B2B KPIs per manager; what counts as a need, proposal or closing is <see cref="CrmKpiMapping"/>.</summary>
public static class WeeklyKpiCalculator
{
    public static IReadOnlyList<ManagerWeek> Compute(KpiContext context, TimeWindow week)
    {
        ArgumentNullException.ThrowIfNull(context);
        var companies = context.CompaniesByRef;
        var followUps = new FollowUpCallCounter();
        var closingSlots = context.Team.People.Select(person => ClosingDeals(context, followUps, context.DealsOf(person), week)).ToList();
        var calls = followUps.Count(context.Base.Activities);

        // Owners are resolved once per record in the week, not once per record and person.
        var newCategoryA = ByOwner(
            context.Base.Companies.Where(company => !company.IsDeleted && NewCategoryA(company, week)),
            company => context.Team.OwnerOf(company.Ref, company.OwnerId));
        var decisionMakers = ByOwner(
            context.Base.Persons.Where(contact => !contact.IsDeleted
                && week.Contains(contact.CreatedAt)
                && IsDecisionMakerWithContacts(contact, context.Settings.MappingFor(contact.Ref.Crm))),
            contact => context.Team.OwnerOf(contact.Ref, contact.OwnerId ?? CompanyOwner(companies, contact.Company)));
        var proposalActivities = ByOwner(
            context.Base.Activities.Where(activity => !activity.IsDeleted
                && activity.Completed
                && week.Contains(activity.At)
                && context.Settings.MappingFor(activity.Ref.Crm).ProposalActivityKinds.Contains(activity.Kind)),
            activity => context.Team.OwnerOf(activity.Ref, activity.OwnerId));
        return context.Team.People.Select((person, index) =>
        {
            var deals = context.DealsOf(person);
            var (proposals, needToProposal) = Proposals(context, proposalActivities.GetValueOrDefault(person) ?? [], deals, week);
            var closing = closingSlots[index].ConvertAll(slot => calls[slot]);
            return new ManagerWeek(
                person,
                newCategoryA.GetValueOrDefault(person)?.Count ?? 0,
                decisionMakers.GetValueOrDefault(person)?.Count ?? 0,
                deals.Count(deal => context.MovedInto(deal, week, static stage => stage.IsNeed)),
                proposals,
                needToProposal.Count == 0 ? null : needToProposal.Average(),
                closing.Count,
                closing.Sum(),
                closing.Count(calls => calls < context.Settings.WeeklyNorms.FollowUpCallsPerClosingDeal),
                context.Settings.WeeklyNorms);
        }).ToList();
    }

    /// <summary>Records by their owner among the team's people (by identity: the team hands out its own objects); others dropped.</summary>
    private static Dictionary<SalesPerson, List<T>> ByOwner<T>(IEnumerable<T> records, Func<T, SalesPerson?> ownerOf)
    {
        var groups = new Dictionary<SalesPerson, List<T>>(ReferenceEqualityComparer.Instance);
        foreach (var record in records)
        {
            if (ownerOf(record) is not { } owner)
            {
                continue;
            }

            if (!groups.TryGetValue(owner, out var list))
            {
                groups[owner] = list = [];
            }

            list.Add(record);
        }

        return groups;
    }

    /// <summary>
    /// A card counts as a new category-A company in the week it became both present and A: the later of its creation
    /// and its first classification as A falls in the week, and it is A now. Each card counts once, in one week.
    /// </summary>
    private static bool NewCategoryA(Company company, TimeWindow week) =>
        company.CategoryDecision is { Category: CompanyCategory.A, FirstAAt: { } firstA }
        && week.Contains(firstA > company.CreatedAt ? firstA : company.CreatedAt);

    private static string? CompanyOwner(IReadOnlyDictionary<CrmRef, Company> companies, CrmRef? company) =>
        company is not null && companies.TryGetValue(company, out var found) ? found.OwnerId : null;

    private static bool IsDecisionMakerWithContacts(Person contact, CrmKpiMapping mapping)
    {
        var hasContacts = contact.Phones.Any(phone => !string.IsNullOrWhiteSpace(phone)) || contact.Emails.Any(email => !string.IsNullOrWhiteSpace(email));
        var byPosition = contact.Position is { } position
            && mapping.DecisionMakerPositions.Any(word => position.Contains(word, StringComparison.OrdinalIgnoreCase));
        return hasContacts && (contact.IsDecisionMaker || byPosition);
    }

    /// <summary>Deals that entered a proposal stage this week, plus proposal activities not bound to one of them; and the days from need to proposal.</summary>
    private static (int Count, List<double> NeedToProposalDays) Proposals(KpiContext context, List<Activity> proposalActivities, IReadOnlyList<Deal> deals, TimeWindow week)
    {
        var days = new List<double>();
        var counted = new HashSet<CrmRef>();
        foreach (var deal in deals)
        {
            // Loops, not First/LastOrDefault with lambdas: this runs for every deal of every manager.
            var changes = context.ChangesOf(deal);
            StageChange? proposal = null;
            foreach (var change in changes)
            {
                if (week.Contains(change.At) && context.Stages.Find(deal, change.ToStageId)?.IsProposal == true)
                {
                    proposal = change;
                    break;
                }
            }

            if (proposal is null)
            {
                continue;
            }

            counted.Add(deal.Ref);
            for (var i = changes.Count - 1; i >= 0; i--)
            {
                if (changes[i].At <= proposal.At && context.Stages.Find(deal, changes[i].ToStageId)?.IsNeed == true)
                {
                    days.Add((proposal.At - changes[i].At).TotalDays);
                    break;
                }
            }
        }

        var activities = proposalActivities.Count(activity => activity.Deal is null || !counted.Contains(activity.Deal));
        return (counted.Count + activities, days);
    }

    /// <summary>
    /// Registers each deal in the TOP zone at the week's end (or won this week) for counting its outgoing completed calls,
    /// on the deal or on its company when the call names no deal, since it entered the TOP zone; returns their slots.
    /// </summary>
    private static List<int> ClosingDeals(KpiContext context, FollowUpCallCounter followUps, IReadOnlyList<Deal> deals, TimeWindow week)
    {
        var result = new List<int>();
        foreach (var deal in deals)
        {
            var wonThisWeek = deal.Outcome == DealOutcome.Won && week.Contains(deal.ClosedAt);
            var inTopNow = KpiContext.IsOpenAt(deal, week.To) && context.Stages.Find(deal, context.StageAt(deal, week.To))?.IsTopZone == true;
            if (!wonThisWeek && !inTopNow)
            {
                continue;
            }

            DateTimeOffset? enteredTop = null;
            foreach (var change in context.ChangesOf(deal))
            {
                if (context.Stages.Find(deal, change.ToStageId)?.IsTopZone == true)
                {
                    enteredTop = change.At;
                    break;
                }
            }

            var entered = enteredTop ?? deal.StageEnteredAt ?? deal.CreatedAt;
            var end = wonThisWeek ? deal.ClosedAt!.Value : week.To;
            result.Add(followUps.Add(deal, entered, end));
        }

        return result;
    }
}
