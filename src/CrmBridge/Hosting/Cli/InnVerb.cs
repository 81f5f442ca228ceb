using CrmBridge.Core.Identifiers;
using CrmBridge.Enrichment;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Hosting.Cli;

/// <summary>
/// `crmbridge inn NUMBER`: says what the number is, or exactly why it is invalid (exit 1), then what enrichment knows.
/// </summary>
internal static class InnVerb
{
    public static async Task<int> RunAsync(VerbArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Positional.Count == 0)
        {
            await output.WriteLineAsync("Usage: crmbridge inn NUMBER");
            return ExitCodes.Usage;
        }

        var text = string.Join(' ', args.Positional);
        if (Inn.Validate(text) is { } error)
        {
            // No host is needed to say a number is broken, so this answer works even before any configuration.
            await output.WriteLineAsync($"{text}: invalid — {error.Message}");
            return ExitCodes.InvalidInput;
        }

        using var host = CrmBridgeHost.Build(args.ConfigurationArgs);
        var result = await host.Services.GetRequiredService<InnLookup>().LookupAsync(text, cancellationToken);
        foreach (var line in result.Lines)
        {
            await output.WriteLineAsync(line);
        }

        return result.Valid ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }
}
