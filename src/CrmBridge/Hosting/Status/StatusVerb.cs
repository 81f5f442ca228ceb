using System.CommandLine;
using CrmBridge.Hosting.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Hosting.Status;

/// <summary>
/// `crmbridge status [--quiet]`: the health report; exit 0 when healthy, 1 when a CRM's last successful tick is older
/// than three sync periods (or none was recorded). While the worker holds the store, the snapshot it writes after
/// every tick is read instead (the Docker HEALTHCHECK runs beside the worker).
/// </summary>
internal static class StatusVerb
{
    public const int Unhealthy = 1;

    public static Command Create(CliContext cli)
    {
        var quiet = new Option<bool>("--quiet", "-q") { Description = "print nothing; the exit code says it (for HEALTHCHECK)" };
        var command = new Command("status", "last tick per CRM, outbox backlog, ambiguous and failed actions, token expiry; exit 1 when stale") { quiet };
        command.SetAction(async (parse, ct) =>
        {
            using var host = CrmBridgeHost.Build(cli.Host(parse));
            return await RunAsync(host.Services, parse.GetValue(quiet), cli.Output, ct);
        });
        return command;
    }

    public static async Task<int> RunAsync(IServiceProvider services, bool quiet, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var snapshots = services.GetRequiredService<StatusSnapshot>();
        var report = snapshots.TryReadLive() ?? snapshots.ReadSaved();
        if (!quiet)
        {
            foreach (var line in report.Lines)
            {
                await output.WriteLineAsync(line.AsMemory(), cancellationToken);
            }
        }

        return report.Healthy ? ExitCodes.Ok : Unhealthy;
    }
}
