using CrmBridge.Digest;
using CrmBridge.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Hosting.Cli;

/// <summary>`crmbridge digest [--print]`: the morning digest now, printed or queued and sent to the heads.</summary>
internal static class DigestVerb
{
    public static async Task<int> RunAsync(VerbArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = CrmBridgeHost.Build(args.ConfigurationArgs);
        var digest = host.Services.GetRequiredService<DigestRunner>();
        if (args.Has("--print"))
        {
            await output.WriteLineAsync(digest.RenderForConsole());
            return ExitCodes.Ok;
        }

        var queued = digest.Queue();
        var sent = await host.Services.GetRequiredService<OutboxDispatcher>().DispatchAsync(cancellationToken);
        await output.WriteLineAsync($"Digest: {queued} message(s) queued, {sent.Done} sent, {sent.Failed} failed, {sent.Retrying} to retry, {sent.DryRun} recorded in dry run.");
        return ExitCodes.Ok;
    }
}
