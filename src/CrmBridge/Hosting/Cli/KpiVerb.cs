using System.CommandLine;
using System.Globalization;
using CrmBridge.Digest;
using CrmBridge.Foundation;
using CrmBridge.Kpi;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Hosting.Cli;

/// <summary>
/// `crmbridge kpi [--report FILE.json|FILE.csv]`: every figure of the digest as data. The figures are the report the
/// digest itself is built from (<see cref="DigestRunner.Build"/>), so the two can never disagree.
/// </summary>
internal static class KpiVerb
{
    public static Command Create(CliContext cli)
    {
        var report = new Option<FileInfo?>("--report") { Description = "write every figure to FILE.json or FILE.csv (by extension)" };
        var command = new Command("kpi", "every figure of the morning digest, as data (a short table without --report)") { report };
        command.SetAction((parse, ct) => RunAsync(cli, parse, parse.GetValue(report), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, FileInfo? file, CancellationToken cancellationToken)
    {
        var extension = file?.Extension.ToUpperInvariant();
        if (file is not null && extension is not ".JSON" and not ".CSV")
        {
            throw new UsageException($"kpi: --report {file.Name}: the file must end in .json or .csv");
        }

        using var host = CrmBridgeHost.Build(cli.Host(parse));
        var report = host.Services.GetRequiredService<DigestRunner>().Build().Report;
        if (file is null)
        {
            await cli.Output.WriteAsync(KpiConsoleTable.Render(report));
            return ExitCodes.Ok;
        }

        var zone = host.Services.GetRequiredService<PortalTimeZone>().Zone;
        await using (var stream = file.Create())
        {
            if (extension == ".JSON")
            {
                KpiJsonWriter.Write(stream, report, zone);
            }
            else
            {
                KpiCsvWriter.Write(stream, report);
            }
        }

        await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"KPI report written to {file.FullName}"));
        return ExitCodes.Ok;
    }
}
