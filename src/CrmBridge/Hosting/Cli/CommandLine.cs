using System.CommandLine;
using CrmBridge.Crm;
using CrmBridge.Foundation;
using Microsoft.Extensions.Hosting;

namespace CrmBridge.Hosting.Cli;

/// <summary>
/// `crmbridge [verb] [options] [--Section:Key=value ...]`: runs the worker or one verb. System.CommandLine parses each
/// verb's own options strictly and generates `--help`; configuration switches are split off first.
/// </summary>
internal static class CommandLine
{
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken,
        IReadOnlyList<Func<CliContext, Command>>? extraVerbs = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (switches, rest) = ConfigurationSwitches.Split(args);
        var cli = new CliContext(switches, output, error);
        var root = Root(cli, extraVerbs ?? []);
        var parse = root.Parse(rest);
        if (parse.Errors.Count > 0)
        {
            return await UsageErrorAsync(parse, rest, error);
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (ConfigurationException ex)
        {
            foreach (var problem in ex.Problems.Count > 0 ? ex.Problems : [ex.Message])
            {
                await error.WriteLineAsync($"crmbridge: configuration error: {problem}");
            }

            return ExitCodes.Configuration;
        }
        catch (CrmStopException ex)
        {
            await error.WriteLineAsync($"crmbridge: {ex.Message}");
            return ExitCodes.CrmStopped;
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"crmbridge: {ex.Message}");
            return ExitCodes.Usage;
        }
    }

    private static RootCommand Root(CliContext cli, IReadOnlyList<Func<CliContext, Command>> extraVerbs)
    {
        var root = new RootCommand(
            "CrmBridge keeps Bitrix24 and amoCRM client bases clean and the sales team on rhythm. Without a command it runs " +
            "the worker: sync and digest on their schedules, and the Telegram bot. Settings come from config/appsettings.json, " +
            "then --config FILE, then CRMBRIDGE_* environment variables (CRMBRIDGE_Section__Key), then --Section:Key=value switches.");
        root.Options.Add(CliContext.ConfigOption);
        root.Options.Add(CliContext.NoColorOption);
        root.SetAction(async (parse, ct) =>
        {
            using var host = CrmBridgeHost.Build(cli.Host(parse), worker: true);
            await host.RunAsync(ct);
            return ExitCodes.Ok;
        });

        Command[] verbs =
        [
            OnceVerb.Create(cli),
            DigestVerb.Create(cli),
            KpiVerb.Create(cli),
            DedupeVerb.Create(cli),
            InnVerb.Create(cli),
            AmoCrmAuthVerb.Create(cli),
            SetupVerb.Create(cli),
            Status.StatusVerb.Create(cli),
        ];
        foreach (var verb in verbs.Concat(extraVerbs.Select(create => create(cli))))
        {
            root.Subcommands.Add(verb);
        }

        return root;
    }

    private static async Task<int> UsageErrorAsync(ParseResult parse, List<string> rest, TextWriter error)
    {
        var command = parse.CommandResult.Command;
        var isRoot = command is RootCommand;
        if (isRoot && rest.Count > 0 && !rest[0].StartsWith('-'))
        {
            await error.WriteLineAsync($"crmbridge: unknown command '{rest[0]}'. Try 'crmbridge --help'.");
            return ExitCodes.Usage;
        }

        var name = isRoot ? "crmbridge" : $"crmbridge {command.Name}";
        foreach (var problem in parse.Errors)
        {
            await error.WriteLineAsync($"{name}: {problem.Message}");
        }

        await error.WriteLineAsync($"Try '{name} --help'.");
        return ExitCodes.Usage;
    }
}
