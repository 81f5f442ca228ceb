using System.CommandLine;
using CrmBridge.Crm;
using CrmBridge.Foundation;
using CrmBridge.Storage;
using CrmBridge.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Hosting.Cli;

/// <summary>`crmbridge once [--dry-run] [--report FILE.json]`: one full cycle against the configured CRMs.</summary>
internal static class OnceVerb
{
    public static Command Create(CliContext cli)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "record every action without executing it (beats DryRun=false from any configuration layer)" };
        var report = new Option<string?>("--report") { Description = "write the cycle as JSON for scripts (shape in README)", HelpName = "FILE.json" };
        var command = new Command("once", "one full cycle against the configured CRMs") { dryRun, report };
        command.SetAction((parse, ct) => RunAsync(cli, parse, parse.GetValue(dryRun), parse.GetValue(report), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, bool dryRun, string? reportPath, CancellationToken cancellationToken)
    {
        // The flag is the operator's last word: it beats DryRun=false from any configuration layer.
        using var host = CrmBridgeHost.Build(dryRun ? cli.Host(parse, "--DryRun=true") : cli.Host(parse));
        var services = host.Services;
        if (!services.GetServices<ICrmConnector>().Any())
        {
            throw new ConfigurationException("Bitrix24:WebhookUrl / AmoCrm:BaseUrl: neither CRM is configured; set at least one (or try the sandbox demo)");
        }

        var output = cli.Output;
        var cycle = await SyncProgressDisplay.RunAsync(cli.Console(parse), services, progress => services.GetRequiredService<SyncCycle>().RunAsync(cancellationToken, progress));
        var report = CycleReport.From(cycle, dryRun, services.GetRequiredService<ICrmStore>(), services.GetRequiredService<IOutboxStore>());
        await CycleSummaryWriter.WriteAsync(output, report);
        if (reportPath is not null)
        {
            await report.WriteAsync(reportPath, cancellationToken);
            await output.WriteLineAsync($"Report written to {reportPath}");
        }

        return cycle.Sources.Any(s => s.Error is not null) ? ExitCodes.CrmStopped : ExitCodes.Ok;
    }
}
