using CrmBridge.Dedupe;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Hosting.Cli;

/// <summary>`crmbridge dedupe [--report FILE.csv]`: duplicate groups by INN over the Store, with the master and the reason.</summary>
internal static class DedupeVerb
{
    public static async Task<int> RunAsync(VerbArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = CrmBridgeHost.Build(args.ConfigurationArgs);
        var dedupe = host.Services.GetRequiredService<DedupeRun>();
        var path = args.Value("--report");
        await using var report = path is null ? null : File.Create(path);
        // A report is a read-only look; nudges are queued by the sync tick, not by someone opening a spreadsheet.
        var (_, summary) = await dedupe.RunAsync(report, cancellationToken);
        await output.WriteLineAsync(
            $"{summary.Groups} INN groups: {summary.Duplicates} duplicate cards, {summary.Branches} branches; " +
            $"{summary.Probable} probable duplicate groups without INN; {summary.Unverified} cards with an unverified INN.");
        if (path is not null)
        {
            await output.WriteLineAsync($"Report written to {path} ({summary.ReportRows} rows; opens in Excel).");
        }

        return ExitCodes.Ok;
    }
}
