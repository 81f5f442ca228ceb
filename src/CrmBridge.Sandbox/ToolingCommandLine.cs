using System.CommandLine;
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
    private static readonly Func<CliContext, Command>[] Verbs = [DemoVerb.Create, ServeVerb.Create, BenchVerb.Create];

    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        CommandLine.RunAsync(args, output, error, cancellationToken, Verbs);
}
