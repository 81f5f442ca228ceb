using CrmBridge.Core.Model;

namespace CrmBridge.Tests.Sync;

/// <summary>
/// The incremental tick (changed or due companies only) against full evaluations, on two copies of one client base
/// living the same 30 days: edits, reassignments (by people and by CrmBridge's own releases), new deals and contacts,
/// INN corrections, postponements, new cards and deletions, two ticks a day.
/// </summary>
public sealed class IncrementalTickTests
{
    private const int Days = 30;

    [Fact]
    public async Task Evaluating_only_changed_and_due_companies_acts_exactly_as_evaluating_everything_over_thirty_days()
    {
        using var full = new IncrementalWorld(seed: 11, full: true);
        using var incremental = new IncrementalWorld(seed: 11, full: false);
        var evaluated = new List<(int Full, int Incremental)>();

        for (var tick = 0; tick < Days * 2; tick++)
        {
            var everything = await full.TickAsync();
            var changed = await incremental.TickAsync();

            // The same messages and CRM writes were queued, tick after tick, so the two CRMs live on identically.
            Assert.True(
                full.ActionKeys().SequenceEqual(incremental.ActionKeys()),
                $"tick {tick}: actions differ; only full: {string.Join(", ", full.ActionKeys().Except(incremental.ActionKeys()))}; only incremental: {string.Join(", ", incremental.ActionKeys().Except(full.ActionKeys()))}");

            // What the incremental tick reports is what a full evaluation finds about the same cards.
            var missing = changed.Rules.Findings.Select(f => f.Key).Except(everything.Rules.Findings.Select(f => f.Key)).ToList();
            Assert.True(missing.Count == 0, $"tick {tick}: found only incrementally: {string.Join(", ", missing)}");
            var dedupe = changed.Dedupe.Findings.Where(f => f.Rule != RuleNames.ProbableDuplicate).Select(f => f.Key)
                .Except(everything.Dedupe.Findings.Select(f => f.Key)).ToList();
            Assert.True(dedupe.Count == 0, $"tick {tick}: dedupe found only incrementally: {string.Join(", ", dedupe)}");
            evaluated.Add((everything.Evaluated, changed.Evaluated));

            foreach (var world in new[] { full, incremental })
            {
                world.Time.Fake.Advance(TimeSpan.FromHours(tick % 2 == 0 ? 6 : 18));
                world.Crm.LiveOn();
            }
        }

        // Something happened, and a tick within a day looked at a small part of the base: the cards changed since the
        // last tick, the cards sharing their INN, and those due (a contact logged ahead of time).
        Assert.True(full.ActionKeys().Count > 50, $"only {full.ActionKeys().Count} actions in {Days} days");
        var withinDay = evaluated.Where((_, tick) => tick % 2 == 1).ToList();
        Assert.True(
            withinDay.Sum(e => e.Incremental) * 3 < withinDay.Sum(e => e.Full),
            $"ticks within a day evaluated {withinDay.Sum(e => e.Incremental)} cards against {withinDay.Sum(e => e.Full)} for full ones: {string.Join(" ", evaluated)}");
    }
}
