using CrmBridge.Hosting;
using CrmBridge.Hosting.Status;
using CrmBridge.Outbox;
using CrmBridge.Sandbox;
using CrmBridge.Sandbox.Demo;
using CrmBridge.Sandbox.Portal;
using CrmBridge.Storage;
using CrmBridge.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.Hosting;

/// <summary>`crmbridge status` on the sandbox: after a clean tick, a failed tick, and with ambiguous actions.</summary>
public sealed class StatusVerbTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"crmbridge-status-{Guid.NewGuid():N}");
    private SandboxServer sandbox = null!;

    private string StorePath => Path.Combine(folder, "crmbridge.db");

    public async Task InitializeAsync()
    {
        var portal = SamplePortal.Generate(new SamplePortalSpec { Size = 200, Seed = 5 });
        sandbox = await SandboxServer.StartAsync(new SandboxOptions { Portal = portal, RateLimits = false }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await sandbox.DisposeAsync();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task After_a_clean_tick_status_reports_each_CRM_ok_and_exits_zero()
    {
        using var host = Host();
        await host.Services.GetRequiredService<SyncCycle>().RunAsync(CancellationToken.None);

        var (code, text) = await StatusAsync(host);

        Assert.Equal(0, code);
        Assert.Contains("Health: ok", text, StringComparison.Ordinal);
        Assert.Matches(@"bitrix24 127\.0\.0\.1\S*: \d{4}-\d\d-\d\d \d\d:\d\d ok", text);
        Assert.Matches(@"amocrm 127\.0\.0\.1\S*: \d{4}-\d\d-\d\d \d\d:\d\d ok", text);
        Assert.Contains("Last error: none", text, StringComparison.Ordinal);
        Assert.Contains("Ambiguous actions (may or may not have been delivered; not resent): 0", text, StringComparison.Ordinal);
        Assert.DoesNotContain(sandbox.Options.BitrixSecret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_failed_tick_status_names_the_error_and_exits_one()
    {
        var settings = DemoConfiguration.For(sandbox, StorePath);
        settings["Bitrix24:WebhookUrl"] = sandbox.Bitrix24WebhookUrl.AbsoluteUri.Replace(sandbox.Options.BitrixSecret, "revokedsecret", StringComparison.Ordinal);
        using var host = Host(settings);
        await host.Services.GetRequiredService<SyncCycle>().RunAsync(CancellationToken.None);

        var (code, text) = await StatusAsync(host);

        Assert.Equal(StatusVerb.Unhealthy, code);
        Assert.Contains("Health: NOT OK", text, StringComparison.Ordinal);
        Assert.Matches(@"bitrix24 127\.0\.0\.1\S*: .* failed — ", text);
        Assert.Matches(@"Last error: bitrix24 ", text);
        Assert.DoesNotContain("revokedsecret", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ambiguous_messages_are_listed_and_the_worker_goes_stale_after_three_sync_periods()
    {
        using (var host = Host())
        {
            await host.Services.GetRequiredService<SyncCycle>().RunAsync(CancellationToken.None);

            // A message cut inside its call: the next process finds it in flight.
            var outbox = host.Services.GetRequiredService<IOutboxStore>();
            outbox.Enqueue(new PlannedAction(ActionKinds.TelegramMessage, "digest|1000001|2026-12-05", new TelegramMessagePayload(1000001, "Сводка"), "digest to chat 1000001"));
            outbox.Save(outbox.Find("digest|1000001|2026-12-05")! with { State = OutboxState.Running, Attempts = 1 });
        }

        using (var restarted = Host())
        {
            await restarted.Services.GetRequiredService<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
            var (code, text) = await StatusAsync(restarted);

            Assert.Equal(0, code);
            Assert.Contains("Ambiguous actions (may or may not have been delivered; not resent): 1", text, StringComparison.Ordinal);
            Assert.Contains("  telegram.message digest|1000001|2026-12-05: digest to chat 1000001 (the process stopped during the call)", text, StringComparison.Ordinal);
            Assert.Contains("1 ambiguous", text, StringComparison.Ordinal);
        }

        // The default schedule ticks every 15 minutes: 46 minutes without a success is three periods missed.
        using var later = Host(time: new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddMinutes(46)));
        var (stale, staleText) = await StatusAsync(later);
        Assert.Equal(StatusVerb.Unhealthy, stale);
        Assert.Contains("older than 3 sync periods", staleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_worker_holds_the_store_status_reads_the_snapshot_it_wrote_after_the_tick()
    {
        using var worker = Host();
        await worker.Services.GetRequiredService<SyncCycle>().RunAsync(CancellationToken.None);
        worker.Services.GetRequiredService<StatusSnapshot>().Save();

        using var probe = Host();
        var (code, text) = await StatusAsync(probe, quiet: true);

        Assert.Equal(0, code);
        Assert.Empty(text);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StorePath + ".status.json"));
        }
    }

    private IHost Host(Dictionary<string, string?>? settings = null, TimeProvider? time = null) =>
        CrmBridgeHost.Build(
            [],
            overrides: settings ?? DemoConfiguration.For(sandbox, StorePath),
            configureServices: services =>
            {
                if (time is not null)
                {
                    services.AddSingleton(time);
                }
            },
            configureLogging: logging => logging.ClearProviders());

    private static async Task<(int Code, string Text)> StatusAsync(IHost host, bool quiet = false)
    {
        using var output = new StringWriter();
        var code = await StatusVerb.RunAsync(host.Services, quiet, output, CancellationToken.None);
        return (code, output.ToString());
    }
}
