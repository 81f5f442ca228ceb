using System.Diagnostics;
using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox.Bench;

/// <summary>
/// Two sandbox bases, small and large: each is loaded in full through the worker's connectors at the vendors' limits and
/// evaluated once (the first run), then timed through a tick with nothing changed and a tick after a share of the
/// companies changed. The large base's full loads and Store file are the full-load and state figures.
/// </summary>
internal sealed class SyncBench(BenchSettings settings, TextWriter progress)
{
    /// <summary>amoCRM's one-second window and a margin for the worker's own clock reads.</summary>
    private static readonly TimeSpan AmoWindow = TimeSpan.FromSeconds((RateLimit.AmoCrm.Burst / RateLimit.AmoCrm.RequestsPerSecond) + 0.1);

    public async Task<SyncResults> RunAsync(CancellationToken cancellationToken)
    {
        var ticks = new List<TickMeasurement>();
        var small = await RunBaseAsync(settings.SmallCompanies, measureLoad: false, cancellationToken);
        ticks.AddRange(small.Ticks);
        var large = await RunBaseAsync(settings.Companies, measureLoad: true, cancellationToken);
        ticks.AddRange(large.Ticks);
        return new SyncResults(large.Full, ticks, large.State);
    }

    private async Task<SyncResults> RunBaseAsync(int companies, bool measureLoad, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(companies, SamplePortalSpec.MinSize, SamplePortalSpec.MaxSize);
        var portal = SamplePortal.Generate(new SamplePortalSpec { Size = size, BitrixShare = BenchSettings.BitrixShare, Now = settings.Now });
        await progress.WriteLineAsync(Invariant($"Base of {size:N0}: sandbox with {portal.BitrixCount:N0} Bitrix24 and {portal.AmoCount:N0} amoCRM companies"));
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Portal = portal, RateLimits = settings.RateLimits }, cancellationToken);
        await using var host = SyncHost.Create(sandbox);

        var full = new List<SyncMeasurement>
        {
            await FullLoadAsync(host, host.Bitrix24, sandbox, SandboxService.Bitrix24, PortalRows.Count(portal, CrmKind.Bitrix24), RateLimit.Bitrix24, cancellationToken),
            await FullLoadAsync(host, host.AmoCrm, sandbox, SandboxService.AmoCrm, PortalRows.Count(portal, CrmKind.AmoCrm), RateLimit.AmoCrm, cancellationToken),
        };
        StateMeasurement? state = null;
        if (measureLoad)
        {
            var store = host.Store;
            var records = (long)store.Companies.Count() + store.Persons.Count() + store.Deals.Count() + store.Activities.Count()
                + store.Managers.Count() + store.Pipelines.Count() + store.StageChanges.Count() + store.OwnerChanges.Count();
            // Pages still in the write-ahead log count as what they will be once checkpointed into the file.
            store.Checkpoint();
            state = new StateMeasurement(host.StoreBytes(), records) { Pages = store.PageUsage() };
            await progress.WriteLineAsync(Invariant($"  state: {state.FileBytes:N0} bytes for {records:N0} records, {state.BytesPerRecord:N0} bytes a record"));
        }

        // The first run evaluates everything and records the due moments; the measured ticks come after it.
        var first = await TickAsync(host, sandbox, size, "first run", 0, cancellationToken);
        await progress.WriteLineAsync(Invariant($"  first run (not in the table): {first.Seconds:F1} s, {first.Evaluated:N0} companies evaluated"));
        var ticks = new List<TickMeasurement> { await TickAsync(host, sandbox, size, TickMeasurement.NothingChanged, 0, cancellationToken) };
        var changed = sandbox.TouchCompanies(settings.ChangedShare);
        ticks.Add(await TickAsync(host, sandbox, size, Invariant($"{settings.ChangedShare * 100:0.#} % changed"), changed, cancellationToken));
        return new SyncResults(measureLoad ? full : [], ticks, state);
    }

    private async Task<SyncMeasurement> FullLoadAsync(
        SyncHost host, ICrmConnector connector, SandboxServer sandbox, SandboxService service, PortalRows rows, RateLimit limit, CancellationToken cancellationToken)
    {
        var name = CrmRef.CrmName(connector.Crm);
        var requestsBefore = sandbox.Counters.Requests(service);
        var rejectedBefore = sandbox.Counters.Rejected(service);
        var storedBefore = host.Store.Rows.Rows(connector.Crm);
        await progress.WriteLineAsync(Invariant($"  full load {name}: {rows.Total:N0} rows, at least {rows.MinimumRequests():N0} requests"));

        var memory = PeakMemory.Start();
        var cpuBefore = CpuTime();
        var clock = Stopwatch.StartNew();
        SyncSummary summary;
        TimeSpan elapsed;
        TimeSpan cpu;
        await using (memory)
        await using (LoadProgress.Start(progress, name, rows.Total, () => host.Store.Rows.Rows(connector.Crm) - storedBefore, () => sandbox.Counters.Requests(service) - requestsBefore, settings.ProgressEvery))
        {
            summary = await connector.SyncAsync(cancellationToken);
            elapsed = clock.Elapsed;
            cpu = CpuTime() - cpuBefore;
        }

        var measurement = new SyncMeasurement
        {
            Crm = name,
            Companies = summary.Companies,
            Rows = rows.Total,
            RowsByList = rows.ByList,
            RowsStored = host.Store.Rows.Rows(connector.Crm) - storedBefore,
            Requests = sandbox.Counters.Requests(service) - requestsBefore,
            MinimumRequests = rows.MinimumRequests(),
            RejectedByLimit = sandbox.Counters.Rejected(service) - rejectedBefore,
            Seconds = elapsed.TotalSeconds,
            CpuSeconds = cpu.TotalSeconds,
            Limit = limit,
            CpuPercent = cpu.TotalSeconds / (elapsed.TotalSeconds * Environment.ProcessorCount) * 100,
            PeakWorkingSetBytes = memory.PeakWorkingSetBytes,
            LoadAverage = BenchMachine.LoadAverage(),
        };
        measurement = measurement with { Bound = SyncBound.Explain(measurement) };
        await progress.WriteLineAsync(Invariant($"  {name}: done in {elapsed.TotalSeconds:F1} s (cpu {cpu.TotalSeconds:F1} s), {measurement.RowsPerSecond:N0} rows/s, {measurement.PercentOfCeiling:F0} % of the ceiling"));
        return measurement;
    }

    private async Task<TickMeasurement> TickAsync(SyncHost host, SandboxServer sandbox, int size, string kind, int changed, CancellationToken cancellationToken)
    {
        // Real ticks are minutes apart; the bench's follow each other at once, and the worker holds each amoCRM
        // request's slot until a second after its answer, so a tick started now would first wait out the last one's
        // requests (≈ 1 s, no work). The window passes here, outside the timing; without limits there is none.
        if (settings.RateLimits)
        {
            await Task.Delay(AmoWindow, cancellationToken);
        }
        var bitrixBefore = sandbox.Counters.Requests(SandboxService.Bitrix24);
        var amoBefore = sandbox.Counters.Requests(SandboxService.AmoCrm);
        var cpuBefore = CpuTime();
        var clock = Stopwatch.StartNew();
        var result = await host.Cycle.RunAsync(cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = (CpuTime() - cpuBefore).TotalSeconds;
        if (result.Sources.FirstOrDefault(s => s.Error is not null) is { } failed)
        {
            throw new InvalidOperationException($"The {kind} tick over {size:N0} companies could not read {CrmRef.CrmName(failed.Crm)}: {failed.Error}");
        }

        var tick = new TickMeasurement
        {
            BaseCompanies = size,
            Kind = kind,
            ChangedCompanies = changed,
            Seconds = seconds,
            CpuSeconds = cpu,
            BitrixRequests = sandbox.Counters.Requests(SandboxService.Bitrix24) - bitrixBefore,
            AmoRequests = sandbox.Counters.Requests(SandboxService.AmoCrm) - amoBefore,
            Evaluated = result.Evaluated,
            Full = result.Full,
            LoadAverage = BenchMachine.LoadAverage(),
        };
        await progress.WriteLineAsync(Invariant($"  tick, {kind}: {seconds:F2} s (cpu {cpu:F2} s), {tick.Requests:N0} requests (the limits allow {tick.LimitSeconds:F2} s), {tick.Evaluated:N0} companies evaluated{(tick.Full ? " (full)" : "")}"));
        return tick;
    }

    internal static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The large base's full loads and state, and the ticks of both bases.</summary>
internal sealed record SyncResults(IReadOnlyList<SyncMeasurement> Full, IReadOnlyList<TickMeasurement> Ticks, StateMeasurement? State);
