using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using CrmBridge.Sandbox.Portal;
using CrmBridge.Sync;

namespace CrmBridge.Sandbox.Demo;

/// <summary>One line of the demo's "found versus planted" table.</summary>
internal sealed record PlantedCheck(string What, int Planted, int Found)
{
    public bool Matches => Planted == Found;

    /// <summary>Compares what one cycle found, and yesterday's, this week's and this month's KPIs, with what the sample portal planted.</summary>
    public static IReadOnlyList<PlantedCheck> Compare(PlantedFacts facts, CycleResult cycle, KpiReport kpis)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(kpis);
        var rules = cycle.Rules.Findings.GroupBy(f => f.Rule).ToDictionary(g => g.Key, g => g.Count());
        int Rule(string name) => rules.GetValueOrDefault(name);

        var checks = new List<PlantedCheck>
        {
            new("duplicate groups (same INN)", facts.Duplicates.Count, cycle.Dedupe.InnGroups.Count(g => g.Duplicates.Any())),
            new("branches (same INN, other KPP)", facts.Branches.Count, cycle.Dedupe.Findings.Count(f => f.Rule == RuleNames.Branch)),
            new("cards with a broken INN", facts.InvalidInns.Count, cycle.Dedupe.Unverified.Count),
            new("probable duplicates without INN", facts.ProbableDuplicates.Count, cycle.Dedupe.ProbableGroups.Count),
            new("liquidated in the registry", facts.Liquidated.Count, cycle.EnrichmentFindings.Count(f => f.Rule == RuleNames.Liquidated)),
            new("cooldown violations", facts.CooldownViolations.Count, Rule(RuleNames.Cooldown)),
            new("ownership warnings", facts.OwnershipWarnings.Count, Rule(RuleNames.OwnershipWarning)),
            new("ownership timeouts", facts.OwnershipTimeouts.Count, Rule(RuleNames.OwnershipTimeout)),
            new("one-owner conflicts", facts.Conflicts.Count + facts.Duplicates.Count(d => d.DifferentOwners), Rule(RuleNames.Conflict)),
            new("postponed, due today", facts.PostponedDue.Count, Rule(RuleNames.PostponedDue)),
            new("sleeping clients", facts.Sleeping.Count, Rule(RuleNames.Sleeping)),
        };

        foreach (var planted in facts.Yesterday)
        {
            var day = kpis.Days.FirstOrDefault(d => string.Equals(d.Manager.Email, planted.ManagerEmail, StringComparison.OrdinalIgnoreCase));
            var name = day?.Manager.Name ?? planted.ManagerEmail;
            checks.Add(new($"yesterday, {name}: calls", planted.Calls, day?.Calls ?? 0));
            checks.Add(new($"yesterday, {name}: meetings", planted.Meetings, day?.Meetings ?? 0));
            checks.Add(new($"yesterday, {name}: deals created", planted.DealsCreated, day?.DealsCreated ?? 0));
            checks.Add(new($"yesterday, {name}: deals won", planted.DealsWon, day?.DealsWon ?? 0));
        }

        var sales = facts.Sales;
        foreach (var planted in sales.Week)
        {
            var week = kpis.Weeks.FirstOrDefault(w => string.Equals(w.Manager.Email, planted.ManagerEmail, StringComparison.OrdinalIgnoreCase));
            var name = week?.Manager.Name ?? planted.ManagerEmail;
            checks.Add(new($"this week, {name}: proposals sent", planted.ProposalsSent, week?.ProposalsSent ?? 0));
            checks.Add(new($"this week, {name}: decision-makers", planted.DecisionMakers, week?.DecisionMakers ?? 0));
        }

        checks.Add(new("TOP-zone deals (on the final invoice)", sales.TopZoneDeals, kpis.Funnel.TopZoneCount));
        checks.Add(new("deals won this month", sales.WonThisMonth, kpis.Funnel.WonCount));
        checks.Add(new("deals lost this month", sales.LostThisMonth, kpis.Funnel.LostBeforeClosing + kpis.Funnel.LostAfterClosing));

        return checks;
    }
}
