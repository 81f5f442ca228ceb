using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox.Portal;

/// <summary>Reads the planted cards back through the sketcher, so the manifest says exactly what is served.</summary>
internal static class PlantedFactsBuilder
{
    public static PlantedFacts Build(PortalClock clock, int bitrix, int amo, IReadOnlyDictionary<int, PlantedRole> roles, Func<int, PortalCompany> sketch)
    {
        var cards = roles.OrderBy(r => r.Key).Select(r => (Role: r.Value, Company: sketch(r.Key))).ToList();
        var byKind = cards.ToLookup(c => c.Role.Kind);
        var byIndex = cards.ToDictionary(c => c.Company.Index);

        var duplicates = byKind[PlantedKind.DuplicateMaster].Select(m =>
        {
            var copies = byKind[PlantedKind.DuplicateCopy].Where(c => c.Role.LegalIndex == m.Company.Index).Select(c => Card(c.Company)).ToList();
            return new PlantedDuplicateGroup(m.Company.Inn!, Card(m.Company), copies, copies.Any(c => c.Crm != m.Company.Crm));
        }).ToList();
        var branches = byKind[PlantedKind.BranchOffice]
            .Select(o => new PlantedBranch(o.Company.Inn!, Card(byIndex[o.Role.LegalIndex].Company), Card(o.Company))).ToList();
        var probable = byKind[PlantedKind.ProbableCopy]
            .Select(p => new PlantedProbableDuplicate(Card(p.Company), Card(byIndex[p.Role.OriginalIndex].Company))).ToList();
        var cooldowns = byKind[PlantedKind.Cooldown].Select(c => new PlantedCooldownViolation(
            Card(c.Company), c.Company.Activities[1].Id, c.Company.Activities[1].At, c.Company.Activities[0].At)).ToList();
        var conflicts = byKind[PlantedKind.Conflict].Select(c =>
        {
            var call = c.Company.Activities.Single(a => a.OwnerUser == c.Role.OtherManager);
            return new PlantedConflict(Card(c.Company), PortalUsers.All[c.Role.OtherManager].Email, call.Id, call.At);
        }).ToList();

        return new PlantedFacts
        {
            Clock = clock,
            BitrixCompanies = bitrix,
            AmoCompanies = amo,
            Duplicates = duplicates,
            Branches = branches,
            InvalidInns = byKind[PlantedKind.InvalidInn].Select(c => Card(c.Company)).ToList(),
            ProbableDuplicates = probable,
            CooldownViolations = cooldowns,
            OwnershipTimeouts = byKind[PlantedKind.OwnershipTimeout].Select(c => Ownership(clock, c.Company)).ToList(),
            OwnershipWarnings = byKind[PlantedKind.OwnershipWarning].Select(c => Ownership(clock, c.Company)).ToList(),
            Conflicts = conflicts,
            PostponedDue = Postponed(byKind[PlantedKind.PostponedDue]),
            PostponedLater = Postponed(byKind[PlantedKind.PostponedLater]),
            Liquidated = byKind[PlantedKind.Liquidated].Select(c => Card(c.Company)).ToList(),
            Sleeping = byKind[PlantedKind.Sleeping].Select(c => new PlantedSleeping(
                Card(c.Company), c.Company.Activities.Max(a => a.At), c.Company.Deals.Single().MovedAt)).ToList(),
            Yesterday = Yesterday(clock, cards.Select(c => c.Company)),
            SalesCount = new Lazy<PlantedSales>(() => PlantedSales.Count(clock, bitrix + amo, sketch)),
        };
    }

    private static PlantedCard Card(PortalCompany company) =>
        new(company.Crm, company.Id, company.Title, company.Inn, company.Kpp, PortalUsers.All[company.OwnerUser].Email);

    private static PlantedOwnership Ownership(PortalClock clock, PortalCompany company)
    {
        var start = company.Deals.Max(d => d.CreatedAt);
        return new PlantedOwnership(Card(company), start, (int)Math.Floor((clock.Now - start).TotalDays));
    }

    private static List<PlantedPostponed> Postponed(IEnumerable<(PlantedRole Role, PortalCompany Company)> cards) =>
        cards.Select(c => new PlantedPostponed(Card(c.Company), DateOnly.FromDateTime(c.Company.PostponedUntil!.Value.DateTime), c.Company.PostponeReason!)).ToList();

    private static List<PlantedYesterday> Yesterday(PortalClock clock, IEnumerable<PortalCompany> companies)
    {
        bool Yesterday(DateTimeOffset at) => at >= clock.YesterdayStart && at < clock.TodayStart;
        var list = companies.ToList();
        return Enumerable.Range(0, PortalUsers.ManagerCount).Select(m =>
        {
            var user = PortalUsers.Manager(m);
            var activities = list.SelectMany(c => c.Activities).Where(a => a.OwnerUser == user && a.Completed && Yesterday(a.At)).ToList();
            var deals = list.SelectMany(c => c.Deals).Where(d => d.OwnerUser == user).ToList();
            var won = deals.Where(d => d.Stage == PortalPipeline.Won && Yesterday(d.MovedAt)).ToList();
            return new PlantedYesterday(
                PortalUsers.All[user].Email,
                activities.Count(a => a.Kind == ActivityKind.Call),
                activities.Count(a => a.Kind == ActivityKind.Meeting),
                deals.Count(d => d.Amount > 0 && Yesterday(d.CreatedAt)),
                won.Count,
                won.Sum(d => d.Amount));
        }).ToList();
    }
}
