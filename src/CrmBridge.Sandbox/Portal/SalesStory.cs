using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox.Portal;

/// <summary>
/// The department's selling on a background card, drawn from a stream of its own so the draws of the card itself
/// (owner, contacts, INN) stay as they were. A manager's card gets deals walking the pipeline over the last weeks
/// (forward over days, now and then one step back, some lost early, some lost after the final invoice, most won),
/// follow-up calls while a deal sits on the final invoice, and now and then a decision-maker entered lately; any card
/// may get a deal from a year ago, so "the same period a year before" has figures.
/// Five managers work only so many cards at a time, however large the base: about <see cref="WorkedCards"/> of them
/// get a story, so a 300-company demo is busy and a 200,000-company bench base grows by a few per cent.
/// The card stays as clean as the sketcher promises: nothing on or after yesterday, every deal its owner's, and every
/// follow-up call more than the 30-day rest away from any other contact of the card.
/// </summary>
internal sealed class SalesStory(PortalClock clock, int size)
{
    /// <summary>Cards the department works at a time (a share of about 0.3 of a base is managers' cards).</summary>
    private const double WorkedCards = 150;

    /// <summary>A follow-up call keeps this far from every other contact, so it breaks no cooldown (30 local days).</summary>
    private const double RestDays = 31;

    private static readonly string[] DecisionMakers = [.. RussianNames.Positions.Where(RussianNames.DecisionMakerPositions.Contains)];
    private static readonly string[] OtherPositions = [.. RussianNames.Positions.Where(p => !RussianNames.DecisionMakerPositions.Contains(p))];

    public void Tell(CompanyBuilder builder, ref SeededRandom random, int owner, long companyId)
    {
        if (!random.Chance(WorkedCards / 0.3 / size))
        {
            return;
        }

        var managers = PortalUsers.All[owner].Role == PortalUserRole.Manager;
        if (managers)
        {
            for (var i = 0; i < 2 && builder.Deals.Count < PortalIds.DealSlots; i++)
            {
                ActiveDeal(builder, ref random, owner);
            }

            if (builder.Contacts.Count < PortalIds.ContactSlots && random.Chance(0.8))
            {
                var position = random.Chance(0.8) ? random.Pick(DecisionMakers) : random.Pick(OtherPositions);
                builder.AddPerson(ref random, Minute(clock.YesterdayStart.AddDays(-random.NextDouble(0.1, 10))), companyId, position);
            }
        }

        if (builder.Deals.Count < PortalIds.DealSlots && random.Chance(0.4))
        {
            YearAgoDeal(builder, ref random, managers ? owner : PortalUsers.Manager(random.Next(PortalUsers.ManagerCount)));
        }
    }

    private void ActiveDeal(CompanyBuilder builder, ref SeededRandom random, int owner)
    {
        var end = clock.YesterdayStart;

        // One deal in six is a long negotiation that sits on the final invoice for weeks.
        var stalled = random.Chance(1.0 / 6);
        var created = Minute(end.AddDays(-(stalled ? random.NextDouble(60, 110) : random.NextDouble(1, 35))));
        var moves = new List<(int Stage, DateTimeOffset At)>(PortalIds.HistorySlots - 1);
        var stage = PortalPipeline.New;
        var at = created;
        var wentBack = false;
        while (moves.Count < PortalIds.HistorySlots - 1)
        {
            at = Minute(at.AddDays(Dwell(ref random, stage, stalled)));
            if (at >= end)
            {
                break;
            }

            stage = Next(ref random, stage, ref wentBack);
            moves.Add((stage, at));
            if (stage is PortalPipeline.Won or PortalPipeline.Lost)
            {
                break;
            }
        }

        var deal = builder.AddDeal(ref random, owner, created, [.. moves]);
        FollowUpCalls(builder, ref random, deal, owner);
    }

    /// <summary>A deal from about a year ago that went its whole way, won or lost, in a month or two.</summary>
    private void YearAgoDeal(CompanyBuilder builder, ref SeededRandom random, int owner)
    {
        var created = Minute(clock.Now.AddYears(-1).AddDays(-random.NextDouble(5, 60)));
        var moves = new List<(int Stage, DateTimeOffset At)>(PortalIds.HistorySlots - 1);
        var stage = PortalPipeline.New;
        var at = created;
        var noStepBack = true;
        while (stage is not (PortalPipeline.Won or PortalPipeline.Lost))
        {
            at = Minute(at.AddDays(Dwell(ref random, stage, stalled: false)));
            stage = Next(ref random, stage, ref noStepBack);
            moves.Add((stage, at));
        }

        builder.AddDeal(ref random, owner, created, [.. moves]);
    }

    /// <summary>
    /// Outgoing calls while the deal sits on the final invoice, each more than the rest away from every other contact of
    /// the card (the earlier ones, the later ones and the calls placed here).
    /// </summary>
    private void FollowUpCalls(CompanyBuilder builder, ref SeededRandom random, PortalDeal deal, int owner)
    {
        var step = -1;
        for (var i = 1; i < deal.History.Count && step < 0; i++)
        {
            step = deal.History[i].Stage == PortalPipeline.FinalInvoice ? i : -1;
        }

        if (step < 0)
        {
            return;
        }

        var from = deal.History[step].At;
        var to = step + 1 < deal.History.Count ? deal.History[step + 1].At : clock.YesterdayStart;
        var contacts = builder.Activities.Where(a => a.Completed && a.Kind is ActivityKind.Call or ActivityKind.Meeting).Select(a => a.At).ToList();
        var at = Minute(from.AddDays(random.NextDouble(0.2, 3)));
        while (at < to && builder.Activities.Count < PortalIds.ActivitySlots)
        {
            var blocking = contacts.Where(c => Math.Abs((c - at).TotalDays) < RestDays).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
            if (blocking == DateTimeOffset.MinValue)
            {
                builder.AddContact(ActivityKind.Call, Direction.Outbound, owner, at);
                contacts.Add(at);
                at = Minute(at.AddDays(RestDays + random.NextDouble(0.1, 4)));
            }
            else
            {
                at = Minute(blocking.AddDays(RestDays + random.NextDouble(0.1, 2)));
            }
        }
    }

    private static double Dwell(ref SeededRandom random, int stage, bool stalled) => stage switch
    {
        PortalPipeline.New => random.NextDouble(0.3, 3),
        PortalPipeline.Preparation => random.NextDouble(1, 7),
        PortalPipeline.PrepaymentInvoice => random.NextDouble(1, 6),
        PortalPipeline.Executing => random.NextDouble(2, 10),
        _ => stalled ? random.NextDouble(40, 90) : random.NextDouble(1, 8),
    };

    /// <summary>Where a deal goes from a stage: on, lost, or (once per deal) one step back.</summary>
    private static int Next(ref SeededRandom random, int stage, ref bool wentBack)
    {
        var roll = random.NextDouble();
        int back;
        switch (stage)
        {
            case PortalPipeline.New:
                return roll < 0.12 ? PortalPipeline.Lost : PortalPipeline.Preparation;
            case PortalPipeline.Preparation:
                return roll < 0.12 ? PortalPipeline.Lost : PortalPipeline.PrepaymentInvoice;
            case PortalPipeline.PrepaymentInvoice:
                back = PortalPipeline.Preparation;
                if (roll < 0.15)
                {
                    return PortalPipeline.Lost;
                }

                break;
            case PortalPipeline.Executing:
                back = PortalPipeline.PrepaymentInvoice;
                if (roll < 0.08)
                {
                    return PortalPipeline.Lost;
                }

                break;
            default:
                return roll < 0.15 ? PortalPipeline.Lost : PortalPipeline.Won;
        }

        if (roll < 0.25 && !wentBack)
        {
            wentBack = true;
            return back;
        }

        return stage + 1;
    }

    /// <summary>CRMs keep times to the second; a whole minute also keeps them off every window's edge.</summary>
    private static DateTimeOffset Minute(DateTimeOffset at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerMinute), at.Offset);
}
