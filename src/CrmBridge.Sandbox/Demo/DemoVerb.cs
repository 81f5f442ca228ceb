using System.CommandLine;
using System.Diagnostics;
using CrmBridge.Digest;
using CrmBridge.Hosting;
using CrmBridge.Hosting.Cli;
using CrmBridge.Outbox;
using CrmBridge.Sandbox;
using CrmBridge.Sandbox.Portal;
using CrmBridge.Storage;
using CrmBridge.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Sandbox.Demo;

/// <summary>
/// `crmbridge demo [--size N] [--seed S]`: starts the sandbox on a free loopback port, runs one full cycle through the
/// real clients, prints the digest as the head sees it and what was found against what the sample portal planted.
/// </summary>
internal static class DemoVerb
{
    public static Command Create(CliContext cli)
    {
        var size = PortalOptions.Size();
        var seed = PortalOptions.Seed();
        var command = new Command("demo", "run one full cycle against the built-in sandbox and print the digest") { size, seed };
        command.SetAction((parse, ct) => RunAsync(cli.Host(parse), parse.GetValue(size), parse.GetValue(seed), cli.Output, ct));
        return command;
    }

    public static async Task<int> RunAsync(HostArguments args, int size, int seed, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var now = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        var portal = SamplePortal.Generate(new SamplePortalSpec { Size = size, Seed = seed, Now = now });
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Portal = portal }, cancellationToken);
        await output.WriteLineAsync($"Sandbox on {sandbox.BaseUri}: {portal.Facts.BitrixCompanies} companies in Bitrix24, {portal.Facts.AmoCompanies} in amoCRM (seed {seed}).");

        var storagePath = Path.Combine(Path.GetTempPath(), $"crmbridge-demo-{Guid.NewGuid():N}.db");
        try
        {
            using (var host = CrmBridgeHost.Build(args, overrides: DemoConfiguration.For(sandbox, storagePath), configureLogging: QuietLogging))
            {
                var result = await RunCycleAsync(host, sandbox, output, cancellationToken);
                await output.WriteLineAsync($"Done in {clock.Elapsed.TotalSeconds:0.0} s.");
                return result;
            }
        }
        finally
        {
            DeleteStore(storagePath);
        }
    }

    private static async Task<int> RunCycleAsync(IHost host, SandboxServer sandbox, TextWriter output, CancellationToken cancellationToken)
    {
        var services = host.Services;
        var progress = new Progress<string>(line => output.WriteLine($"  {line}"));
        var cycle = await services.GetRequiredService<SyncCycle>().RunAsync(cancellationToken, progress);
        var report = CycleReport.From(cycle, dryRun: false, services.GetRequiredService<ICrmStore>(), services.GetRequiredService<IOutboxStore>());
        await output.WriteLineAsync();
        await CycleSummaryWriter.WriteAsync(output, report);

        var digest = services.GetRequiredService<DigestRunner>();
        await output.WriteLineAsync();
        await output.WriteLineAsync("──────── The morning digest, as the head of sales reads it ────────");
        await output.WriteLineAsync(digest.RenderForConsole());
        digest.Queue();
        var sent = await services.GetRequiredService<OutboxDispatcher>().DispatchAsync(cancellationToken);
        await output.WriteLineAsync($"Telegram (sandbox) received {sandbox.TelegramRequests.Count} requests; {sent.Done} digest messages sent now.");

        var kpis = services.GetRequiredService<DigestBuilder>().Report(services.GetRequiredService<ICrmStore>().LoadClientBase(), TimeProvider.System.GetUtcNow());
        var checks = PlantedCheck.Compare(sandbox.Facts, cycle, kpis);
        await output.WriteLineAsync();
        // The label column is as wide as the longest check, so a long manager name does not push its figures out of line.
        var width = checks.Select(c => c.What.Length).DefaultIfEmpty(0).Max();
        await output.WriteLineAsync($"{"Found versus planted".PadRight(width + 5)} {"planted",8} {"found",8}");
        foreach (var check in checks)
        {
            await output.WriteLineAsync($"{(check.Matches ? "  ok " : "  ✗  ")}{check.What.PadRight(width)} {check.Planted,8} {check.Found,8}");
        }

        var mismatches = checks.Count(c => !c.Matches);
        await output.WriteLineAsync(mismatches == 0 ? "Every planted fact was found." : $"{mismatches} figure(s) differ from what was planted.");
        return mismatches == 0 && cycle.Sources.All(s => s.Error is null) ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }

    // The demo's own progress lines tell the story; the product's info logs would drown them.
    private static void QuietLogging(ILoggingBuilder logging) =>
        logging.AddFilter((_, level) => level >= LogLevel.Warning);

    private static void DeleteStore(string path)
    {
        foreach (var file in new[] { path, path + ".lock", Path.ChangeExtension(path, null) + "-log.db" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
