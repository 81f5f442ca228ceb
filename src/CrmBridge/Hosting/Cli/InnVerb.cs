using System.CommandLine;
using CrmBridge.Core.Identifiers;
using CrmBridge.Enrichment;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Hosting.Cli;

/// <summary>
/// `crmbridge inn NUMBER`: says what the number is, or exactly why it is invalid (exit 1), then what enrichment knows.
/// </summary>
internal static class InnVerb
{
    public static Command Create(CliContext cli)
    {
        var number = new Argument<string[]>("NUMBER") { Description = "the INN; spaces, dashes and an 'ИНН' prefix are allowed", Arity = ArgumentArity.OneOrMore };
        var command = new Command("inn", "validate an INN and show what enrichment knows about it") { number };
        command.SetAction((parse, ct) => RunAsync(cli, parse, string.Join(' ', parse.GetValue(number) ?? []), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, string text, CancellationToken cancellationToken)
    {
        if (Inn.Validate(text) is { } error)
        {
            // No host is needed to say a number is broken, so this answer works even before any configuration.
            await cli.Output.WriteLineAsync($"{text}: invalid — {error.Message}");
            return ExitCodes.InvalidInput;
        }

        using var host = CrmBridgeHost.Build(cli.Host(parse));
        var result = await host.Services.GetRequiredService<InnLookup>().LookupAsync(text, cancellationToken);
        foreach (var line in result.Lines)
        {
            await cli.Output.WriteLineAsync(line);
        }

        return result.Valid ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }
}
