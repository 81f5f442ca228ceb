using System.Diagnostics;
using System.Globalization;
using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using CrmBridge.Core.People;
using CrmBridge.Core.Rules;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox.Bench;

/// <summary>
/// The pure core over an in-memory base built from the generator: dedupe, then the rules fed with its INN groups.
/// Each step gets its wall-clock time, its allocations and its peak memory (the model itself included).
/// </summary>
internal sealed class CoreBench(BenchSettings settings, TextWriter progress)
{
    public async Task<CoreMeasurement> RunAsync()
    {
        var size = Math.Clamp(settings.CoreCompanies, SamplePortalSpec.MinSize, SamplePortalSpec.MaxSize);
        await progress.WriteLineAsync(Invariant($"Core: building {size:N0} companies with {settings.ActivitiesPerCompany} activities each in memory..."));
        var clock = Stopwatch.StartNew();
        var portal = SamplePortal.Generate(new SamplePortalSpec { Size = size, Now = settings.Now });
        var clientBase = new CoreModelBuilder(portal, settings.ActivitiesPerCompany)
            .Build(done => progress.WriteLine(Invariant($"  built {done:N0} of {size:N0} companies, {clock.Elapsed.TotalSeconds:F0} s")));
        var buildSeconds = clock.Elapsed.TotalSeconds;
        var modelHeap = GC.GetTotalMemory(forceFullCollection: true);
        await progress.WriteLineAsync(Invariant($"  model: {clientBase.Companies.Count:N0} companies, {clientBase.Activities.Count:N0} activities, {clientBase.Deals.Count:N0} deals, {modelHeap / 1048576.0:N0} MiB heap, built in {buildSeconds:F1} s"));

        var now = settings.Now;
        DedupeResult dedupe = DedupeResult.Empty;
        var steps = new List<CoreStep>
        {
            await MeasureAsync("dedupe", () =>
            {
                dedupe = DuplicateFinder.Find(clientBase.Companies, now);
                return dedupe.Findings.Count;
            }),
        };

        // The rules, split so the table shows which part costs what: the shared index, then each rule as RuleEngine runs it.
        RuleInput? input = null;
        steps.Add(await MeasureAsync("rules: index", () =>
        {
            input = new RuleInput(clientBase, Settings(), now, PortalZone(portal)) { InnGroups = dedupe.InnGroupRefs };
            return 0;
        }));
        foreach (var rule in RuleEngine.All)
        {
            steps.Add(await MeasureAsync("rules: " + RuleName(rule), () => rule.Evaluate(input!).Count()));
        }

        // The worker evaluates the rules in a tick and builds the KPIs for a digest, never holding one while doing the
        // other: the KPI step's peak should not count the rules' index and the dedupe result.
        input = null;
        dedupe = DedupeResult.Empty;

        steps.Add(
            await MeasureAsync("kpi", () =>
            {
                var kpi = KpiReportBuilder.Build(clientBase, KpiSettings(), now, PortalZone(portal));
                return kpi.Days.Count + kpi.Weeks.Count + kpi.KeyAccounts.Count;
            }));

        GC.KeepAlive(clientBase);
        return new CoreMeasurement
        {
            Companies = clientBase.Companies.Count,
            Activities = clientBase.Activities.Count,
            Deals = clientBase.Deals.Count,
            BuildSeconds = buildSeconds,
            ModelHeapBytes = modelHeap,
            Steps = steps,
            LoadAverage = BenchMachine.LoadAverage(),
        };
    }

    /// <param name="step">Runs the step and returns how many results it produced.</param>
    private async Task<CoreStep> MeasureAsync(string name, Func<int> step)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var memory = PeakMemory.Start();
        var cpuBefore = SyncBench.CpuTime();
        var fullBefore = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        int findings;
        TimeSpan cpu;
        await using (memory)
        {
            findings = step();
            clock.Stop();
            cpu = SyncBench.CpuTime() - cpuBefore;
        }

        var result = new CoreStep(name, clock.Elapsed.TotalSeconds, findings, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, memory.PeakHeapBytes, memory.PeakWorkingSetBytes)
        {
            CpuSeconds = cpu.TotalSeconds,
            FullCollections = GC.CollectionCount(2) - fullBefore,
        };
        await progress.WriteLineAsync(Invariant($"  {name}: {result.Seconds:F2} s (cpu {result.CpuSeconds:F2} s, {result.FullCollections} full GCs), {findings:N0} results, peak working set {result.PeakWorkingSetBytes / 1048576.0:N0} MiB"));
        return result;
    }

    /// <summary>The sample portal's pool and admin users are nobody's managers, as an admin would configure them.</summary>
    private static RuleSettings Settings() => RuleSettings.Default with { People = People() };

    private static PeopleSettings People() => new()
    {
        Pool = [PortalUsers.All[PortalUsers.Pool].Email],
        Admins = [PortalUsers.All[PortalUsers.Admin].Email],
    };

    private static string RuleName(IRule rule)
    {
        var name = rule.GetType().Name;
        return (name.EndsWith("Rule", StringComparison.Ordinal) ? name[..^4] : name).ToLowerInvariant();
    }

    private static KpiSettings KpiSettings() => new()
    {
        People = People(),
    };

    private static TimeZoneInfo PortalZone(SamplePortal portal) =>
        TimeZoneInfo.CreateCustomTimeZone("Portal", portal.Spec.UtcOffset, "Portal", "Portal");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
