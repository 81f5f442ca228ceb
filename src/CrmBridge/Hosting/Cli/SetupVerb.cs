using System.CommandLine;
using System.Globalization;
using CrmBridge.People;
using CrmBridge.Setup;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Hosting.Cli;

/// <summary>
/// `crmbridge setup [--write FILE [--force]]`: reads the configured CRMs and the bot (never writes to them), prints
/// what it found and the settings it proposes; --write saves them as a JSON file for --config.
/// </summary>
internal static class SetupVerb
{
    public static Command Create(CliContext cli)
    {
        var write = new Option<FileInfo?>("--write") { Description = "write the proposed settings to FILE, a JSON file for --config", HelpName = "FILE" };
        var force = new Option<bool>("--force") { Description = "with --write: overwrite FILE if it exists" };
        var command = new Command(
            "setup",
            "read the configured CRMs and the bot (never writing to them) and propose settings: pool and technical users, fields, KPI stages, chat ids")
        {
            write,
            force,
        };
        command.SetAction((parse, ct) => RunAsync(cli, parse, parse.GetValue(write), parse.GetValue(force), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, FileInfo? file, bool force, CancellationToken cancellationToken)
    {
        // Checked before any CRM is asked: a refusal should cost nothing.
        if (file is { Exists: true } && !force)
        {
            await cli.Error.WriteLineAsync($"crmbridge setup: {file.FullName} exists; add --force to overwrite it");
            return ExitCodes.Configuration;
        }

        using var host = CrmBridgeHost.Build(cli.Host(parse), configureServices: services => services.WithoutReleasePoolCheck());
        var proposal = await host.Services.GetRequiredService<SetupRun>().RunAsync(cancellationToken);
        var console = cli.Console(parse);
        SetupReport.Render(console, proposal);
        foreach (var problem in proposal.Surveys.Select(s => s.Problem).OfType<string>())
        {
            await cli.Error.WriteLineAsync($"crmbridge setup: {problem}");
        }

        var json = proposal.ToSettingsJson();
        await cli.Output.WriteLineAsync();
        if (file is null)
        {
            await cli.Output.WriteLineAsync("Proposed settings (save them with: crmbridge setup --write config/appsettings.Local.json):");
            await cli.Output.WriteAsync(json);
        }
        else if (proposal.Surveys.Count == 0)
        {
            await cli.Error.WriteLineAsync($"crmbridge setup: nothing written to {file.FullName}: no CRM is configured (Bitrix24:WebhookUrl, AmoCrm:BaseUrl)");
            return ExitCodes.Configuration;
        }
        else if (proposal.Incomplete)
        {
            await cli.Error.WriteLineAsync($"crmbridge setup: nothing written to {file.FullName}: a CRM could not be read (see above); fix it and run setup again");
        }
        else
        {
            file.Directory?.Create();
            await File.WriteAllTextAsync(file.FullName, json, cancellationToken);
            await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Proposed settings written to {file.FullName}."));
            await cli.Output.WriteLineAsync($"Review them, then try them without acting: crmbridge once --dry-run --report report.json --config {file.FullName}");
        }

        return proposal.Incomplete && proposal.Surveys.Count > 0 ? ExitCodes.CrmStopped : ExitCodes.Ok;
    }
}
