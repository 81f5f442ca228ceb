using CrmBridge.Core.Model;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Tests.Sandbox;

public class SamplePortalTests
{
    private static readonly SamplePortal Portal = SamplePortal.Generate(new SamplePortalSpec { Size = 1_000, Seed = 42 });

    [Fact]
    public void The_same_seed_generates_the_same_portal()
    {
        var again = SamplePortal.Generate(new SamplePortalSpec { Size = 1_000, Seed = 42 });

        foreach (var index in new[] { 0, 1, 77, 599, 600, 999 })
        {
            var first = Portal.Company(index);
            var second = again.Company(index);
            Assert.Equal(first with { Deals = [], Activities = [], Contacts = [], OwnerChanges = [] }, second with { Deals = [], Activities = [], Contacts = [], OwnerChanges = [] });
            Assert.Equal(
                first.Deals.Select(d => (d.Id, d.Amount, d.Stage, d.CreatedAt, d.History.Count, d.Margin, d.LossReason)),
                second.Deals.Select(d => (d.Id, d.Amount, d.Stage, d.CreatedAt, d.History.Count, d.Margin, d.LossReason)));
            Assert.Equal(first.Activities, second.Activities);
            Assert.Equal(first.Contacts, second.Contacts);
        }

        Assert.Equal(Portal.Facts.Duplicates.Select(d => d.Inn), again.Facts.Duplicates.Select(d => d.Inn));
    }

    [Fact]
    public void A_different_seed_generates_different_companies()
    {
        var other = SamplePortal.Generate(new SamplePortalSpec { Size = 1_000, Seed = 43 });

        Assert.NotEqual(Portal.Company(5).Inn, other.Company(5).Inn);
    }

    [Fact]
    public void Every_generated_inn_and_ogrn_passes_its_checksum_except_the_planted_invalid_ones()
    {
        var invalid = Portal.Facts.InvalidInns.Select(c => (c.Crm, c.Id)).ToHashSet();
        var all = Enumerable.Range(0, Portal.Size).Select(Portal.Company).ToList();

        foreach (var company in all.Where(c => c.Inn is not null && !invalid.Contains((c.Crm, c.Id))))
        {
            Assert.True(RussianChecksums.IsValidInn(company.Inn!), $"{company.Title}: {company.Inn}");
            Assert.True(RussianChecksums.IsValidOgrn(company.Ogrn!), $"{company.Title}: {company.Ogrn}");
            Assert.Equal(company.SoleTrader ? 12 : 10, company.Inn!.Length);
            Assert.Equal(company.SoleTrader ? null : 9, company.Kpp?.Length);
        }

        Assert.Equal(2, invalid.Count);
        Assert.All(invalid, key => Assert.False(RussianChecksums.IsValidInn(all.Single(c => (c.Crm, c.Id) == key).Inn!)));
        Assert.Contains(all, c => c.SoleTrader && c.Title.StartsWith("ИП ", StringComparison.Ordinal));
        Assert.Contains(all, c => c.Title.StartsWith("ООО «", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_planted_cards_share_an_inn_and_inn_groups_match_the_manifest()
    {
        var all = Enumerable.Range(0, Portal.Size).Select(Portal.Company).Where(c => c.Inn is not null).ToList();
        var shared = all.GroupBy(c => c.Inn!).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Count());

        var expected = Portal.Facts.Duplicates.ToDictionary(d => d.Inn, d => d.Duplicates.Count + 1);
        foreach (var branch in Portal.Facts.Branches)
        {
            expected.Add(branch.Inn, 2);
        }

        Assert.Equal(expected.OrderBy(e => e.Key), shared.OrderBy(e => e.Key));
        Assert.Equal(6, Portal.Facts.Duplicates.Count);
        Assert.Equal(3, Portal.Facts.Duplicates.Count(d => d.AcrossCrms));
        Assert.All(Portal.Facts.Branches, b => Assert.NotEqual(b.HeadOffice.Kpp, b.Branch.Kpp));
    }

    [Fact]
    public void Company_names_are_unique_so_only_planted_cards_look_alike()
    {
        var titles = Enumerable.Range(0, Portal.Size).Select(Portal.Company)
            .Where(c => !Portal.Facts.Duplicates.SelectMany(d => d.Duplicates).Any(x => x.Crm == c.Crm && x.Id == c.Id))
            .Select(c => c.Title).ToList();

        Assert.Equal(titles.Count, titles.Distinct().Count());
        Assert.All(Portal.Facts.ProbableDuplicates, p =>
        {
            Assert.Null(p.WithoutInn.Inn);
            Assert.Contains(p.Original.Title.Split('«', '»')[1], p.WithoutInn.Title, StringComparison.Ordinal);
            Assert.NotEqual(p.Original.Title, p.WithoutInn.Title);
        });
    }

    [Fact]
    public void The_manifest_lists_every_planted_scenario()
    {
        var facts = Portal.Facts;

        Assert.Equal(3, facts.CooldownViolations.Count);
        Assert.All(facts.CooldownViolations, v => Assert.InRange((v.ViolatingAt - v.PreviousContactAt).TotalDays, 1, 29));
        Assert.Equal([35, 40, 45], facts.OwnershipTimeouts.Select(o => o.DaysWithoutProgress).Order());
        Assert.Equal([26, 27, 28], facts.OwnershipWarnings.Select(o => o.DaysWithoutProgress).Order());
        Assert.Equal(2, facts.Conflicts.Count);
        Assert.All(facts.Conflicts, c => Assert.NotEqual(c.Card.OwnerEmail, c.OtherManagerEmail));
        Assert.All(facts.PostponedDue, p => Assert.Equal(facts.Clock.Today, p.Until));
        Assert.Equal(2, facts.Liquidated.Count);
        Assert.All(facts.Liquidated, l => Assert.Equal("LIQUIDATED", Portal.Registry(l.Inn!)!.Status));
        Assert.Equal(2, facts.Sleeping.Count);
        Assert.All(facts.Sleeping, s => Assert.True((facts.Clock.Now - s.LastContactAt).TotalDays > 180));
        Assert.Equal([8, 3, 2, 2], [facts.Yesterday.Sum(y => y.Calls), facts.Yesterday.Sum(y => y.Meetings), facts.Yesterday.Sum(y => y.DealsCreated), facts.Yesterday.Sum(y => y.DealsWon)]);
        Assert.Equal(PortalUsers.ManagerCount, facts.Yesterday.Count);
    }

    [Fact]
    public void Nothing_but_planted_cards_happens_yesterday()
    {
        var clock = Portal.Facts.Clock;
        var yesterday = Enumerable.Range(0, Portal.Size).Select(Portal.Company)
            .SelectMany(c => c.Activities.Select(a => a.At).Concat(c.Deals.SelectMany(d => d.History.Select(h => h.At))))
            .Count(at => at >= clock.YesterdayStart && at < clock.TodayStart);

        Assert.Equal(8 + 3 + 2 + 2, yesterday);
    }

    [Fact]
    public void The_department_sells_deals_reach_every_stage_go_back_are_lost_early_and_late_and_are_won()
    {
        var deals = Enumerable.Range(0, Portal.Size).Select(Portal.Company).SelectMany(c => c.Deals).ToList();

        Assert.All(Enumerable.Range(PortalPipeline.New, PortalPipeline.FinalInvoice + 1), stage => Assert.Contains(deals, d => d.Stage == stage));
        Assert.Contains(deals, d => d.History.Zip(d.History.Skip(1)).Any(p => p.Second.Stage < p.First.Stage && p.Second.Stage != PortalPipeline.New));
        Assert.Contains(deals, d => d.Stage == PortalPipeline.Lost && d.History[^2].Stage == PortalPipeline.FinalInvoice);
        Assert.Contains(deals, d => d.Stage == PortalPipeline.Lost && d.History[^2].Stage < PortalPipeline.PrepaymentInvoice);
        Assert.All(deals, d => Assert.InRange(d.History.Count, 1, PortalIds.HistorySlots));
        Assert.All(deals, d => Assert.True(d.History.Zip(d.History.Skip(1)).All(p => p.First.At < p.Second.At), d.Title));
        Assert.All(deals.Where(d => d.Stage == PortalPipeline.Lost), d => Assert.Contains(d.LossReason, CompanyBuilder.LossReasons));
        Assert.All(deals.Where(d => d.Stage != PortalPipeline.Lost), d => Assert.Null(d.LossReason));
        Assert.Contains(deals, d => d.Margin < 0);
        Assert.Contains(deals, d => d.Stage == PortalPipeline.Won && Math.Abs((d.CreatedAt - Portal.Facts.Clock.Now.AddYears(-1)).TotalDays) < 60);
    }

    [Fact]
    public void Follow_up_calls_keep_the_rest_so_only_the_planted_cooldown_cards_break_it()
    {
        var planted = Portal.Facts.CooldownViolations.Select(v => (v.Card.Crm, v.Card.Id)).ToHashSet();
        var calendarDays = (DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Portal.Spec.UtcOffset).DateTime).DayNumber;

        var broken = Enumerable.Range(0, Portal.Size).Select(Portal.Company)
            .Where(c =>
            {
                var contacts = c.Activities.Where(a => a.Completed).OrderBy(a => a.At).ToList();
                return contacts.Zip(contacts.Skip(1)).Any(p => (p.Second.Kind == ActivityKind.Meeting || p.Second.Direction == Direction.Outbound)
                    && calendarDays(p.Second.At) - calendarDays(p.First.At) < 30);
            })
            .Select(c => (c.Crm, c.Id))
            .ToHashSet();

        Assert.Equal(planted, broken);
        Assert.Contains(Enumerable.Range(0, Portal.Size).Select(Portal.Company), c => c.Deals.Any(d => d.Stage == PortalPipeline.FinalInvoice
            && c.Activities.Any(a => a.Kind == ActivityKind.Call && a.Direction == Direction.Outbound && a.At > d.MovedAt)));
    }

    [Fact]
    public void On_a_thursday_the_week_and_the_month_so_far_have_proposals_decision_makers_a_top_zone_wins_and_losses()
    {
        var thursday = SamplePortal.Generate(new SamplePortalSpec { Size = 300, Seed = 42, Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(3)) });

        var sales = thursday.Facts.Sales;

        Assert.Equal(PortalUsers.ManagerCount, sales.Week.Count);
        Assert.True(sales.Week.Sum(w => w.ProposalsSent) > 0, "proposals sent this week");
        Assert.True(sales.Week.Sum(w => w.DecisionMakers) > 0, "decision-makers entered this week");
        Assert.True(sales.TopZoneDeals > 0, "deals on the final invoice");
        Assert.True(sales.WonThisMonth > 0, "deals won this month");
        Assert.True(sales.LostThisMonth > 0, "deals lost this month");
    }

    [Fact]
    public void The_registry_finds_a_company_by_inn_and_not_an_invalid_one()
    {
        var company = Portal.Company(CrmKind.AmoCrm, 10);

        var entry = Portal.Registry(company.Inn!);

        Assert.NotNull(entry);
        Assert.Equal(company.Ogrn, entry.Ogrn);
        Assert.Equal("ACTIVE", entry.Status);
        Assert.Null(Portal.Registry(Portal.Facts.InvalidInns[0].Inn!));
    }

    [Fact]
    public void A_million_company_portal_is_generated_lazily()
    {
        var big = SamplePortal.Generate(new SamplePortalSpec { Size = SamplePortalSpec.MaxSize, Seed = 7 });

        var last = big.Company(SamplePortalSpec.MaxSize - 1);

        Assert.Equal(CrmKind.AmoCrm, last.Crm);
        Assert.True(RussianChecksums.IsValidInn(last.Inn!));
        Assert.Equal(SamplePortalSpec.MaxSize - 1, LegalIdentityIndex(big, last.Inn!));
    }

    private static int LegalIdentityIndex(SamplePortal portal, string inn) =>
        portal.Registry(inn) is { } entry && entry.Inn == inn ? portal.Size - 1 : -1;
}
