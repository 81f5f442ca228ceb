using System.Text.Json;

namespace CrmBridge.Sandbox.Bench;

/// <summary>Runs the chosen parts of the bench and writes the JSON report.</summary>
internal static class BenchRunner
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<BenchReport> RunAsync(BenchSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Progress lines come from the timer task and the measuring flow at once.
        progress = TextWriter.Synchronized(progress);
        var report = new BenchReport { StartedAt = DateTimeOffset.UtcNow, Machine = BenchMachine.Current(settings.MachineNote) };
        if (settings.RunSync)
        {
            var sync = await new SyncBench(settings, progress).RunAsync(cancellationToken);
            report = report with { Sync = sync.Full, Ticks = sync.Ticks, State = sync.State };
        }

        if (settings.RunCore)
        {
            cancellationToken.ThrowIfCancellationRequested();
            report = report with { Core = await new CoreBench(settings, progress).RunAsync() };
        }

        return report with { Aims = BenchAims.Rows(report) };
    }

    public static async Task WriteJsonAsync(BenchReport report, string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, report, Json, cancellationToken);
    }
}
