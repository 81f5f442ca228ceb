using CrmBridge.Outbox;
using CrmBridge.Storage;
using CrmBridge.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Hosting.Cli;

/// <summary>
/// `crmbridge once [--dry-run] [--full] [--report FILE.json]`: one cycle against the configured CRMs; --full evaluates
/// every company instead of those changed or due.
/// </summary>
internal static class OnceVerb
{
    public static async Task<int> RunAsync(VerbArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var dryRun = args.Has("--dry-run");

        // The flag is the operator's last word: it beats DryRun=false from any configuration layer.
        using var host = CrmBridgeHost.Build(dryRun ? [.. args.ConfigurationArgs, "--DryRun=true"] : args.ConfigurationArgs);
        var services = host.Services;
        if (!services.GetServices<ICrmConnector>().Any())
        {
            throw new ConfigurationException("Bitrix24:WebhookUrl / AmoCrm:BaseUrl: neither CRM is configured; set at least one (or try 'crmbridge demo')");
        }

        var cycle = await services.GetRequiredService<SyncCycle>().RunAsync(cancellationToken, new Progress<string>(output.WriteLine), full: args.Has("--full"));
        var report = CycleReport.From(cycle, dryRun, services.GetRequiredService<ICrmStore>(), services.GetRequiredService<IOutboxStore>());
        await CycleSummaryWriter.WriteAsync(output, report);
        if (args.Value("--report") is { } path)
        {
            await report.WriteAsync(path, cancellationToken);
            await output.WriteLineAsync($"Report written to {path}");
        }

        return cycle.Sources.Any(s => s.Error is not null) ? ExitCodes.CrmStopped : ExitCodes.Ok;
    }
}
