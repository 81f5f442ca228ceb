namespace CrmBridge.Sandbox.Portal;

/// <summary>
/// The selling of the whole base as the generator made it, counted from its own records: proposals sent and
/// decision-makers entered this week per manager, the deals on the final invoice (the TOP zone setup proposes), and
/// the deals won and lost this month. Windows as domain.md reads them, in the portal's offset.
/// </summary>
public sealed record PlantedSales(IReadOnlyList<PlantedWeek> Week, int TopZoneDeals, int WonThisMonth, int LostThisMonth)
{
    internal static PlantedSales Count(PortalClock clock, int size, Func<int, PortalCompany> company)
    {
        bool ThisWeek(DateTimeOffset at) => at >= clock.WeekStart && at < clock.Now;
        bool ThisMonth(DateTimeOffset at) => at >= clock.MonthStart && at < clock.Now;
        var proposals = new int[PortalUsers.All.Count];
        var decisionMakers = new int[PortalUsers.All.Count];
        int top = 0, won = 0, lost = 0;
        for (var index = 0; index < size; index++)
        {
            var card = company(index);
            foreach (var deal in card.Deals)
            {
                // A deal counts once, however often it entered the proposal stage this week.
                if (deal.History.Skip(1).Any(h => h.Stage == PortalPipeline.PrepaymentInvoice && ThisWeek(h.At)))
                {
                    proposals[deal.OwnerUser]++;
                }

                top += deal.Stage == PortalPipeline.FinalInvoice ? 1 : 0;
                won += deal.Stage == PortalPipeline.Won && ThisMonth(deal.MovedAt) ? 1 : 0;
                lost += deal.Stage == PortalPipeline.Lost && ThisMonth(deal.MovedAt) ? 1 : 0;
            }

            // A contact belongs to the card's owner (the CRMs serve it so).
            decisionMakers[card.OwnerUser] += card.Contacts.Count(c => c.IsDecisionMaker && ThisWeek(c.CreatedAt));
        }

        var week = Enumerable.Range(0, PortalUsers.ManagerCount).Select(PortalUsers.Manager)
            .Select(user => new PlantedWeek(PortalUsers.All[user].Email, proposals[user], decisionMakers[user]))
            .ToList();
        return new PlantedSales(week, top, won, lost);
    }
}

/// <summary>One manager's week so far: deals that entered the proposal stage, decision-makers (with a phone) entered.</summary>
public sealed record PlantedWeek(string ManagerEmail, int ProposalsSent, int DecisionMakers);
