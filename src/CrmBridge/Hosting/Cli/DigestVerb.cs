using System.CommandLine;
using CrmBridge.Digest;
using CrmBridge.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Hosting.Cli;

/// <summary>`crmbridge digest [--print]`: the morning digest now, printed or queued and sent to the heads.</summary>
internal static class DigestVerb
{
    public static Command Create(CliContext cli)
    {
        var print = new Option<bool>("--print") { Description = "print the digest here instead of sending it" };
        var command = new Command("digest", "compute the morning digest now and send it to the heads (or print it)") { print };
        command.SetAction((parse, ct) => RunAsync(cli, parse, parse.GetValue(print), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, bool print, CancellationToken cancellationToken)
    {
        using var host = CrmBridgeHost.Build(cli.Host(parse));
        var digest = host.Services.GetRequiredService<DigestRunner>();
        if (print)
        {
            await cli.Output.WriteLineAsync(digest.RenderForConsole());
            return ExitCodes.Ok;
        }

        var queued = digest.Queue();
        var sent = await host.Services.GetRequiredService<OutboxDispatcher>().DispatchAsync(cancellationToken);
        await cli.Output.WriteLineAsync($"Digest: {queued} message(s) queued, {sent.Done} sent, {sent.Failed} failed, {sent.Retrying} to retry, {sent.DryRun} recorded in dry run.");
        return ExitCodes.Ok;
    }
}
