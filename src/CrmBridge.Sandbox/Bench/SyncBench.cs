using System.Diagnostics;
using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Sandbox;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Sandbox.Bench;

/// <summary>
/// Full loads of both CRMs from the sandbox through the real connectors at the vendors' limits, then one incremental
/// tick after a share of the companies changed.
/// </summary>
internal sealed class SyncBench(BenchSettings settings, TextWriter progress)
{
    /// <summary>The largest Bitrix24 share the generator allows; the rest of the portal goes to amoCRM.</summary>
    private const double BitrixShare = 0.8;

    public async Task<(IReadOnlyList<SyncMeasurement> Full, IReadOnlyList<IncrementalMeasurement> Incremental)> RunAsync(CancellationToken cancellationToken)
    {
        var size = Math.Clamp((int)Math.Round(settings.Companies / BitrixShare), SamplePortalSpec.MinSize, SamplePortalSpec.MaxSize);
        var portal = SamplePortal.Generate(new SamplePortalSpec { Size = size, BitrixShare = BitrixShare, Now = settings.Now });
        await progress.WriteLineAsync(Invariant($"Sync: sandbox portal of {portal.BitrixCount:N0} Bitrix24 and {portal.AmoCount:N0} amoCRM companies; counting its rows..."));
        var bitrixRows = PortalRows.Count(portal, CrmKind.Bitrix24);
        var amoRows = PortalRows.Count(portal, CrmKind.AmoCrm);

        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Portal = portal, RateLimits = settings.RateLimits }, cancellationToken);
        await using var host = SyncHost.Create(sandbox);
        var full = new List<SyncMeasurement>
        {
            await FullLoadAsync(host, host.Bitrix24, sandbox, SandboxService.Bitrix24, bitrixRows, RateLimit.Bitrix24, cancellationToken),
            await FullLoadAsync(host, host.AmoCrm, sandbox, SandboxService.AmoCrm, amoRows, RateLimit.AmoCrm, cancellationToken),
        };

        var touched = TouchedPerCrm(portal, settings.ChangedShare);
        var changed = sandbox.TouchCompanies(settings.ChangedShare);
        await progress.WriteLineAsync(Invariant($"Incremental: {changed:N0} companies changed ({settings.ChangedShare:P0})"));
        var incremental = new List<IncrementalMeasurement>
        {
            await TickAsync(host.Bitrix24, touched.Bitrix, cancellationToken),
            await TickAsync(host.AmoCrm, touched.Amo, cancellationToken),
        };
        return (full, incremental);
    }

    private async Task<SyncMeasurement> FullLoadAsync(
        SyncHost host, ICrmConnector connector, SandboxServer sandbox, SandboxService service, PortalRows rows, RateLimit limit, CancellationToken cancellationToken)
    {
        var name = CrmRef.CrmName(connector.Crm);
        var requestsBefore = sandbox.Counters.Requests(service);
        var rejectedBefore = sandbox.Counters.Rejected(service);
        var storedBefore = host.Store.RowsStored;
        await progress.WriteLineAsync(Invariant($"Full load {name}: {rows.Total:N0} rows, at least {rows.MinimumRequests():N0} requests"));

        var memory = PeakMemory.Start();
        var cpuBefore = CpuTime();
        var clock = Stopwatch.StartNew();
        SyncSummary summary;
        TimeSpan elapsed;
        TimeSpan cpu;
        await using (memory)
        await using (LoadProgress.Start(progress, name, rows.Total, () => host.Store.RowsStored - storedBefore, () => sandbox.Counters.Requests(service) - requestsBefore, settings.ProgressEvery))
        {
            summary = await connector.SyncAsync(cancellationToken);
            elapsed = clock.Elapsed;
            cpu = CpuTime() - cpuBefore;
        }

        var peak = memory.PeakWorkingSetBytes;

        var measurement = new SyncMeasurement
        {
            Crm = name,
            Companies = summary.Companies,
            Rows = rows.Total,
            RowsByList = rows.ByList,
            RowsStored = host.Store.RowsStored - storedBefore,
            Requests = sandbox.Counters.Requests(service) - requestsBefore,
            MinimumRequests = rows.MinimumRequests(),
            RejectedByLimit = sandbox.Counters.Rejected(service) - rejectedBefore,
            Seconds = elapsed.TotalSeconds,
            Limit = limit,
            CpuPercent = cpu.TotalSeconds / (elapsed.TotalSeconds * Environment.ProcessorCount) * 100,
            PeakWorkingSetBytes = peak,
            LoadAverage = BenchMachine.LoadAverage(),
        };
        measurement = measurement with { Bound = SyncBound.Explain(measurement) };
        await progress.WriteLineAsync(Invariant($"  {name}: done in {elapsed.TotalSeconds:F1} s, {measurement.RowsPerSecond:N0} rows/s, {measurement.PercentOfCeiling:F0} % of the ceiling"));
        return measurement;
    }

    private async Task<IncrementalMeasurement> TickAsync(ICrmConnector connector, int changed, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var summary = await connector.SyncAsync(cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var rows = (long)summary.Companies + summary.Persons + summary.Deals + summary.Activities + summary.Users;
        await progress.WriteLineAsync(Invariant($"  {CrmRef.CrmName(connector.Crm)} tick: {rows:N0} rows, {summary.Requests:N0} requests, {seconds:F1} s"));
        return new IncrementalMeasurement(CrmRef.CrmName(connector.Crm), changed, rows, summary.Requests, seconds);
    }

    /// <summary>Mirrors <see cref="SandboxServer.TouchCompanies"/>: evenly spread global indexes, Bitrix24 ones first.</summary>
    private static (int Bitrix, int Amo) TouchedPerCrm(SamplePortal portal, double share)
    {
        var count = (int)Math.Round(portal.Size * share);
        if (count == 0)
        {
            return (0, 0);
        }

        var step = (double)portal.Size / count;
        var bitrix = Enumerable.Range(0, count).Count(i => (int)(i * step) < portal.BitrixCount);
        return (bitrix, count - bitrix);
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
