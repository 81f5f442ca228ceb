using CrmBridge.Hosting.Cli;
using CrmBridge.Sandbox.Bench;
using CrmBridge.Sandbox.Demo;

namespace CrmBridge.Sandbox;

/// <summary>
/// The tooling executable's command line: every worker verb plus the ones that need the sandbox (`demo`, `bench`).
/// It never ships in the worker image.
/// </summary>
internal static class ToolingCommandLine
{
    private static readonly CommandLine.ExtraVerb[] Verbs =
    [
        new("demo", "run one full cycle against the built-in sandbox and print the digest", DemoVerb.RunAsync),
        new("bench", "[--companies N] [--core-companies N] [--only sync|core] [--report FILE.json]: sync and core throughput", BenchVerb.RunAsync),
    ];

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        CommandLine.RunAsync(args, output, error, cancellationToken, Verbs);
}
