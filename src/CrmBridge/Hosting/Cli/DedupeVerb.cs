using System.CommandLine;
using System.Globalization;
using CrmBridge.Core.Dedupe;
using CrmBridge.Dedupe;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CrmBridge.Hosting.Cli;

/// <summary>`crmbridge dedupe [--report FILE.csv]`: duplicate groups by INN over the Store, with the master and the reason.</summary>
internal static class DedupeVerb
{
    /// <summary>The console shows the largest groups; the CSV report has every row.</summary>
    private const int ShownGroups = 15;

    public static Command Create(CliContext cli)
    {
        var report = new Option<string?>("--report") { Description = "write every group as CSV (UTF-8 with BOM, ';'; opens in Excel)", HelpName = "FILE.csv" };
        var command = new Command("dedupe", "duplicate groups by INN with the master and the reason (nothing is merged or deleted)") { report };
        command.SetAction((parse, ct) => RunAsync(cli, parse, parse.GetValue(report), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, string? path, CancellationToken cancellationToken)
    {
        using var host = CrmBridgeHost.Build(cli.Host(parse));
        var dedupe = host.Services.GetRequiredService<DedupeRun>();
        await using var report = path is null ? null : File.Create(path);
        // A report is a read-only look; nudges are queued by the sync tick, not by someone opening a spreadsheet.
        var (result, summary) = await dedupe.RunAsync(report, cancellationToken);
        var console = cli.Console(parse);
        if (result.InnGroups.Count > 0)
        {
            console.Write(GroupsTable(result.InnGroups));
        }

        console.WriteLine(
            $"{summary.Groups} INN groups: {summary.Duplicates} duplicate cards, {summary.Branches} branches; " +
            $"{summary.Probable} probable duplicate groups without INN; {summary.Unverified} cards with an unverified INN.");
        if (path is not null)
        {
            console.WriteLine($"Report written to {path} ({summary.ReportRows} rows; opens in Excel).");
        }

        return ExitCodes.Ok;
    }

    private static Table GroupsTable(IReadOnlyList<InnGroup> groups)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("INN")
            .AddColumn("master")
            .AddColumn(new TableColumn("cards").RightAligned())
            .AddColumn(new TableColumn("duplicates").RightAligned())
            .AddColumn(new TableColumn("branches").RightAligned())
            .AddColumn("why this master");
        var shown = groups.OrderByDescending(g => g.Members.Count).ThenBy(g => g.Inn, StringComparer.Ordinal).Take(ShownGroups);
        foreach (var group in shown)
        {
            table.AddRow(
                Markup.Escape(group.Inn),
                Markup.Escape($"{group.Master.Title} ({CrmBridge.Core.Model.CrmRef.CrmName(group.Master.Ref.Crm)} {group.Master.Ref.Id})"),
                group.Members.Count.ToString(CultureInfo.InvariantCulture),
                group.Duplicates.Count().ToString(CultureInfo.InvariantCulture),
                group.Branches.Count().ToString(CultureInfo.InvariantCulture),
                Markup.Escape(group.MasterReason));
        }

        if (groups.Count > ShownGroups)
        {
            table.Caption($"the {ShownGroups} largest of {groups.Count} groups; --report FILE.csv has them all");
        }

        return table;
    }
}
