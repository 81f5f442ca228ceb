namespace CrmBridge.Hosting.Cli;

/// <summary>
/// Separates configuration overrides (<c>--Section:Key=value</c>, <c>--Section:Key value</c>, <c>--DryRun=true</c>)
/// from the verb's own arguments before parsing, so each verb's parser stays strict: any other unknown switch is an
/// error naming it.
/// </summary>
internal static class ConfigurationSwitches
{
    /// <summary>Top-level settings (no section) that may be given as switches.</summary>
    private static readonly HashSet<string> TopLevelKeys = new(StringComparer.OrdinalIgnoreCase) { "DryRun" };

    public static (List<string> Switches, List<string> VerbArgs) Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var switches = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!IsSetting(arg))
            {
                rest.Add(arg);
                continue;
            }

            switches.Add(arg);
            if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                switches.Add(args[++i]);
            }
        }

        return (switches, rest);
    }

    private static bool IsSetting(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length < 3)
        {
            return false;
        }

        var key = arg[2..].Split('=', 2)[0];
        return key.Contains(':', StringComparison.Ordinal) || TopLevelKeys.Contains(key);
    }
}
