using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Hosting;
using CrmBridge.Sandbox.Demo;
using CrmBridge.Storage;
using CrmBridge.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CrmBridge.Sandbox.Bench;

/// <summary>
/// The worker as `run` composes it (CrmBridgeHost), pointed at the sandbox with a fresh Store file and the client-side
/// limits set to the plan the sandbox enforces. Not a dry run: a dry run records no first run, so every tick would be a
/// first (full) one. No registry token, so a tick measures reading the CRMs, dedupe and the rules, not DaData's pace.
/// </summary>
internal sealed class SyncHost : IAsyncDisposable
{
    /// <summary>Client-side rates when the sandbox's limits are off (amoCRM's setting allows at most 50).</summary>
    private const int UnlimitedBitrixRate = 100_000;
    private const int UnlimitedAmoRate = 50;

    private readonly IHost _host;
    private readonly string _directory;

    private SyncHost(IHost host, string directory)
    {
        _host = host;
        _directory = directory;
        Store = host.Services.GetRequiredService<CrmStore>();
        Cycle = host.Services.GetRequiredService<SyncCycle>();
        var connectors = host.Services.GetServices<ICrmConnector>().ToList();
        Bitrix24 = connectors.Single(c => c.Crm == CrmKind.Bitrix24);
        AmoCrm = connectors.Single(c => c.Crm == CrmKind.AmoCrm);
    }

    public CrmStore Store { get; }

    public SyncCycle Cycle { get; }

    public string StorePath => Path.Combine(_directory, "bench.db");

    public ICrmConnector Bitrix24 { get; }

    /// <summary>The Store file and its write-ahead log (LiteDB's "-log" file), as they are on disk now.</summary>
    public long StoreBytes()
    {
        var log = Path.Combine(_directory, "bench-log.db");
        return new FileInfo(StorePath).Length + (File.Exists(log) ? new FileInfo(log).Length : 0);
    }

    public ICrmConnector AmoCrm { get; }

    public static SyncHost Create(SandboxServer sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var options = sandbox.Options;
        var directory = Path.Combine(Path.GetTempPath(), "crmbridge-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var settings = DemoConfiguration.For(sandbox, Path.Combine(directory, "bench.db"));
        settings["DryRun"] = "false";
        settings["Logging:File:Path"] = Path.Combine(directory, "crmbridge.log");
        settings["Enrichment:DaData:Token"] = "";
        settings["Bitrix24:RequestsPerSecond"] = Text(options.RateLimits ? options.BitrixDrainPerSecond : UnlimitedBitrixRate);
        settings["Bitrix24:Burst"] = Text(options.RateLimits ? options.BitrixBurst : UnlimitedBitrixRate);
        settings["AmoCrm:RequestsPerSecond"] = Text(options.RateLimits ? options.AmoRequestsPerSecond : UnlimitedAmoRate);
        // The product's own warnings (an outbox retry) would break the bench's table; they stay in the log file.
        var host = CrmBridgeHost.Build([], overrides: settings, configureLogging: logging => logging.AddFilter<ConsoleLoggerProvider>("CrmBridge", LogLevel.Error));
        return new SyncHost(host, directory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp file left behind is harmless.
        }
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
