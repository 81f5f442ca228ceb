using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

/// <summary>The weekly B2B KPIs per manager; what counts as a need, proposal or closing is <see cref="CrmKpiMapping"/>.</summary>
public static class WeeklyKpiCalculator
{
    public static IReadOnlyList<ManagerWeek> Compute(KpiContext context, TimeWindow week)
    {
        ArgumentNullException.ThrowIfNull(context);
        var companyOwners = context.Base.Companies.ToDictionary(company => company.Ref, company => company.OwnerId);
        var followUps = new FollowUpCallCounter();
        var closingSlots = context.Team.People.Select(person => ClosingDeals(context, followUps, context.DealsOf(person), week)).ToList();
        var calls = followUps.Count(context.Base.Activities);
        return context.Team.People.Select((person, index) =>
        {
            var deals = context.DealsOf(person);
            var (proposals, needToProposal) = Proposals(context, person, deals, week);
            var closing = closingSlots[index].ConvertAll(slot => calls[slot]);
            return new ManagerWeek(
                person,
                context.Base.Companies.Count(company => !company.IsDeleted
                    && company.Category == ClientCategory.A
                    && week.Contains(company.CreatedAt)
                    && context.Team.OwnerOf(company.Ref, company.OwnerId) == person),
                context.Base.Persons.Count(contact => !contact.IsDeleted
                    && week.Contains(contact.CreatedAt)
                    && context.Team.OwnerOf(contact.Ref, contact.OwnerId ?? CompanyOwner(companyOwners, contact.Company)) == person
                    && IsDecisionMakerWithContacts(contact, context.Settings.MappingFor(contact.Ref.Crm))),
                deals.Count(deal => context.ChangesOf(deal).Any(change =>
                    week.Contains(change.At) && context.Stages.Find(deal, change.ToStageId)?.IsNeed == true)),
                proposals,
                needToProposal.Count == 0 ? null : needToProposal.Average(),
                closing.Count,
                closing.Sum(),
                closing.Count(calls => calls < context.Settings.WeeklyNorms.FollowUpCallsPerClosingDeal),
                context.Settings.WeeklyNorms);
        }).ToList();
    }

    private static string? CompanyOwner(Dictionary<CrmRef, string?> owners, CrmRef? company) =>
        company is not null && owners.TryGetValue(company, out var owner) ? owner : null;

    private static bool IsDecisionMakerWithContacts(Person contact, CrmKpiMapping mapping)
    {
        var hasContacts = contact.Phones.Any(phone => !string.IsNullOrWhiteSpace(phone)) || contact.Emails.Any(email => !string.IsNullOrWhiteSpace(email));
        var byPosition = contact.Position is { } position
            && mapping.DecisionMakerPositions.Any(word => position.Contains(word, StringComparison.OrdinalIgnoreCase));
        return hasContacts && (contact.IsDecisionMaker || byPosition);
    }

    /// <summary>Deals that entered a proposal stage this week, plus proposal activities not bound to one of them; and the days from need to proposal.</summary>
    private static (int Count, List<double> NeedToProposalDays) Proposals(KpiContext context, SalesPerson person, IReadOnlyList<Deal> deals, TimeWindow week)
    {
        var days = new List<double>();
        var counted = new HashSet<CrmRef>();
        foreach (var deal in deals)
        {
            var changes = context.ChangesOf(deal);
            var proposal = changes.FirstOrDefault(change => week.Contains(change.At) && context.Stages.Find(deal, change.ToStageId)?.IsProposal == true);
            if (proposal is null)
            {
                continue;
            }

            counted.Add(deal.Ref);
            var need = changes.LastOrDefault(change => change.At <= proposal.At && context.Stages.Find(deal, change.ToStageId)?.IsNeed == true);
            if (need is not null)
            {
                days.Add((proposal.At - need.At).TotalDays);
            }
        }

        var activities = context.Base.Activities.Count(activity => !activity.IsDeleted
            && activity.Completed
            && week.Contains(activity.At)
            && context.Settings.MappingFor(activity.Ref.Crm).ProposalActivityKinds.Contains(activity.Kind)
            && context.Team.OwnerOf(activity.Ref, activity.OwnerId) == person
            && (activity.Deal is null || !counted.Contains(activity.Deal)));
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

            var entered = context.ChangesOf(deal).FirstOrDefault(change => context.Stages.Find(deal, change.ToStageId)?.IsTopZone == true)?.At
                ?? deal.StageEnteredAt
                ?? deal.CreatedAt;
            var end = wonThisWeek ? deal.ClosedAt!.Value : week.To;
            result.Add(followUps.Add(deal, entered, end));
        }

        return result;
    }
}
