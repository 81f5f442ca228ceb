using System.CommandLine;
using Spectre.Console;

namespace CrmBridge.Hosting.Cli;

/// <summary>
/// What every verb gets from the command line: the configuration switches and the global options
/// (<c>--config FILE</c>, <c>--no-color</c>), the person's output and error writers, and a Spectre console over them.
/// </summary>
internal sealed class CliContext(IReadOnlyList<string> switches, TextWriter output, TextWriter error)
{
    public static readonly Option<string?> ConfigOption = new("--config")
    {
        Description = "an extra JSON settings file layered over config/appsettings.json (environment variables and switches still win)",
        HelpName = "FILE",
        Recursive = true,
    };

    public static readonly Option<bool> NoColorOption = new("--no-color")
    {
        Description = "plain output: no colours, no live progress (also when the output is not a terminal)",
        Recursive = true,
    };

    public IReadOnlyList<string> Switches { get; } = switches;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>The settings the verb's host is built from.</summary>
    public HostArguments Host(ParseResult parse, params string[] extraSwitches) =>
        new([.. Switches, .. extraSwitches], parse.GetValue(ConfigOption));

    /// <summary>A console for tables and progress: ANSI and live display only on a terminal and without --no-color.</summary>
    public IAnsiConsole Console(ParseResult parse) => PersonConsole.Create(Output, plain: parse.GetValue(NoColorOption));
}
