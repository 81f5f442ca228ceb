using Spectre.Console;

namespace CrmBridge.Hosting.Cli;

/// <summary>Spectre.Console over a verb's output: rich on a terminal, plain text when redirected, piped or --no-color.</summary>
internal static class PersonConsole
{
    /// <summary>Wide enough for card titles in tables when the output is a file (there is no terminal width then).</summary>
    private const int PlainWidth = 160;

    public static IAnsiConsole Create(TextWriter output, bool plain)
    {
        ArgumentNullException.ThrowIfNull(output);
        var terminal = !plain
            && ReferenceEquals(output, System.Console.Out)
            && !System.Console.IsOutputRedirected
            && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = PlainWidth;
        }

        return console;
    }

    /// <summary>True when live widgets (progress bars) can redraw in place.</summary>
    public static bool IsLive(this IAnsiConsole console) => console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;
}
