using CrmBridge.Crm.Retry;
using CrmBridge.Hosting.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Tests.Hosting;

/// <summary>Retry chatter goes to the log file at Debug, in CrmBridge's words; Polly's own attempt lines go nowhere.</summary>
public sealed class CrmBridgeLoggingTests : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);
    private static readonly Action<ILogger, LogLevel, string, Exception?> Line = (logger, level, text, error) => logger.Log(level, default, text, error, (t, _) => t);
    private readonly string folder = Directory.CreateTempSubdirectory("crmbridge-log-").FullName;

    [Fact]
    public void Each_retry_is_a_debug_line_in_the_file_and_polly_attempt_warnings_are_dropped()
    {
        var path = Path.Combine(folder, "crmbridge.log");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Polly"] = "Warning",
            ["Logging:File:Path"] = path,
        }).Build();
        using (var services = new ServiceCollection().AddLogging(b => b.AddCrmBridgeLogging(configuration, worker: false)).BuildServiceProvider())
        {
            var factory = services.GetRequiredService<ILoggerFactory>();
            var retries = factory.CreateLogger(CrmRetryLog.Category);
            CrmRetryLog.Retrying(retries, "Bitrix24", "crm.company.list", "502 with an HTML page", 1, 5, Delay);
            CrmRetryLog.GaveUp(retries, "Bitrix24", "crm.company.list", "502 with an HTML page", 5);
            Line(factory.CreateLogger("Polly"), LogLevel.Warning, "Execution attempt. Handled: 'True'", null);
            Line(factory.CreateLogger("CrmBridge.Sync.SyncCycle"), LogLevel.Debug, "chatter of another step", null);
        }

        var lines = File.ReadAllLines(path);

        Assert.Equal(2, lines.Length);
        Assert.Contains("\"level\":\"Debug\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("crm.company.list got 502 with an HTML page; retry 1 of 5", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"level\":\"Warning\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("after 5 retries; giving up on it", lines[1], StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
