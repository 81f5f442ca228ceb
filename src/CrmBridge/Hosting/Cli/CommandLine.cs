using CrmBridge.Sync;
using Microsoft.Extensions.Hosting;

namespace CrmBridge.Hosting.Cli;

/// <summary>`crmbridge [verb] [options] [--Section:Key=value ...]`: runs the worker or one verb.</summary>
internal static class CommandLine
{
    /// <summary>A verb added by another executable (the sandbox's `demo` and `bench`), with its help line.</summary>
    public sealed record ExtraVerb(string Name, string Help, Func<VerbArguments, TextWriter, CancellationToken, Task<int>> RunAsync);

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken,
        IReadOnlyList<ExtraVerb>? extraVerbs = null)
    {
        extraVerbs ??= [];
        VerbArguments parsed;
        try
        {
            parsed = VerbArguments.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"crmbridge: {ex.Message} Try 'crmbridge help'.");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Verb switch
            {
                "run" when parsed.Has("--help") || parsed.Has("-h") => await HelpAsync(output, extraVerbs),
                "run" => await RunWorkerAsync(parsed, cancellationToken),
                "help" => await HelpAsync(output, extraVerbs),
                "inn" => await InnVerb.RunAsync(parsed, output, cancellationToken),
                "digest" => await DigestVerb.RunAsync(parsed, output, cancellationToken),
                "dedupe" => await DedupeVerb.RunAsync(parsed, output, cancellationToken),
                "once" => await OnceVerb.RunAsync(parsed, output, cancellationToken),
                "amocrm-auth" => await AmoCrmAuthVerb.RunAsync(parsed, output, cancellationToken),
                var verb when extraVerbs.FirstOrDefault(v => v.Name == verb) is { } extra => await extra.RunAsync(parsed, output, cancellationToken),
                _ => await UnknownAsync(parsed.Verb, error),
            };
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
    }

    private static async Task<int> RunWorkerAsync(VerbArguments parsed, CancellationToken cancellationToken)
    {
        using var host = CrmBridgeHost.Build(parsed.ConfigurationArgs, worker: true);
        await host.RunAsync(cancellationToken);
        return ExitCodes.Ok;
    }

    private static async Task<int> UnknownAsync(string verb, TextWriter error)
    {
        await error.WriteLineAsync($"crmbridge: unknown command '{verb}'. Try 'crmbridge help'.");
        return ExitCodes.Usage;
    }

    private static async Task<int> HelpAsync(TextWriter output, IReadOnlyList<ExtraVerb> extraVerbs)
    {
        var extras = string.Concat(extraVerbs.Select(v => $"  {v.Name,-20}  {v.Help}{Environment.NewLine}"));
        await output.WriteLineAsync($$"""
            CrmBridge: keeps Bitrix24 and amoCRM client bases clean and the sales team on rhythm.

            Usage: crmbridge [command] [options] [--Section:Key=value ...]

              (no command)          run the worker: sync and digest on their schedules, the Telegram bot
              once [--dry-run] [--full] [--report FILE.json]
                                    one full cycle against the configured CRMs
              digest [--print]      compute the morning digest now and send it (or print it)
              dedupe [--report FILE.csv]
                                    duplicate groups by INN with the master and the reason
              inn NUMBER            validate an INN and show what enrichment knows about it
              amocrm-auth --code CODE
                                    exchange an amoCRM authorization code for tokens
            {{extras}}
            Settings come from config/appsettings.json, then CRMBRIDGE_* environment variables
            (CRMBRIDGE_Section__Key), then --Section:Key=value switches.
            """);
        return ExitCodes.Ok;
    }
}
