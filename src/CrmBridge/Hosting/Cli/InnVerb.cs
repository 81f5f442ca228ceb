using CrmBridge.Core.Identifiers;

namespace CrmBridge.Hosting.Cli;

/// <summary>`crmbridge inn NUMBER`: says what the number is, or exactly why it is invalid (exit 1).</summary>
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
            await output.WriteLineAsync($"{text}: invalid — {error.Message}");
            return ExitCodes.InvalidInput;
        }

        var inn = Inn.Parse(text);
        var kind = inn.Kind == InnKind.LegalEntity ? "legal entity (10 digits)" : "sole trader (12 digits)";
        await output.WriteLineAsync($"INN {inn}: valid, {kind}");
        return ExitCodes.Ok;
    }
}
