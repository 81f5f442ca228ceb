namespace CrmBridge.Hosting.Cli;

/// <summary>
/// The command line split into the verb, its positional values and switches, and the remaining
/// configuration overrides (--Section:Key=value or --Section:Key value) handed to the configuration.
/// </summary>
internal sealed class VerbArguments
{
    private static readonly HashSet<string> Flags = new(StringComparer.OrdinalIgnoreCase) { "--dry-run", "--full", "--print", "--help", "-h" };
    private static readonly HashSet<string> ValueSwitches = new(StringComparer.OrdinalIgnoreCase) { "--report", "--code", "--size", "--seed", "--out", "--companies", "--core-companies", "--only" };

    private readonly HashSet<string> _flags = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    private VerbArguments(string verb)
    {
        Verb = verb;
    }

    /// <summary>The verb, or "run" when none is given (the worker).</summary>
    public string Verb { get; }

    public List<string> Positional { get; } = [];

    public List<string> ConfigurationArgs { get; } = [];

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public static VerbArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var start = 0;
        var verb = "run";
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            verb = args[0].ToLowerInvariant();
            start = 1;
        }

        var parsed = new VerbArguments(verb);
        for (var i = start; i < args.Count; i++)
        {
            var arg = args[i];
            if (Flags.Contains(arg))
            {
                parsed._flags.Add(arg);
            }
            else if (ValueSwitches.Contains(arg))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"{arg} needs a value.");
                }

                parsed._values[arg] = args[++i];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal))
            {
                parsed.ConfigurationArgs.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
                {
                    parsed.ConfigurationArgs.Add(args[++i]);
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal))
            {
                // Top-level settings such as --DryRun=true.
                parsed.ConfigurationArgs.Add(arg);
            }
            else if (arg.StartsWith('-'))
            {
                throw new ArgumentException($"unknown option {arg}.");
            }
            else
            {
                parsed.Positional.Add(arg);
            }
        }

        return parsed;
    }
}
