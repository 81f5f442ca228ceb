using CrmBridge.Digest;
using CrmBridge.Hosting;
using CrmBridge.Outbox;
using CrmBridge.Sandbox;
using CrmBridge.Sandbox.Demo;
using CrmBridge.Sandbox.Portal;
using CrmBridge.Storage;
using CrmBridge.Sync;
using CrmBridge.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Tests.Demo;

/// <summary>
/// The whole product against the sandbox: real HTTP clients on loopback, a fresh LiteDB file, one sync cycle, the digest
/// sent to the sandbox's Telegram. The sample portal's manifest says what must be found.
/// </summary>
public sealed class SandboxCycleEndToEndTests : IAsyncLifetime
{
    private readonly string _storePath = Path.Combine(Path.GetTempPath(), $"crmbridge-e2e-{Guid.NewGuid():N}.db");
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync()
    {
        var now = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        var portal = SamplePortal.Generate(new SamplePortalSpec { Size = 200, Seed = 7, Now = now });
        _sandbox = await SandboxServer.StartAsync(new SandboxOptions { Portal = portal }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_storePath) + "*"))
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task One_cycle_on_a_fresh_store_finds_what_the_portal_planted_and_the_head_gets_the_digest()
    {
        // Arrange: the real composition root; only configuration points it at the sandbox.
        var logs = new LogCapture();
        using var host = CrmBridgeHost.Build([], overrides: DemoConfiguration.For(_sandbox, _storePath), configureLogging: l => l.AddProvider(logs));
        var services = host.Services;

        // Act: one sync tick, then the morning digest.
        var cycle = await services.GetRequiredService<SyncCycle>().RunAsync(CancellationToken.None);
        services.GetRequiredService<DigestRunner>().Queue();
        await services.GetRequiredService<OutboxDispatcher>().DispatchAsync(CancellationToken.None);

        // Assert: both CRMs were read, every planted fact was found, yesterday's numbers match.
        Assert.All(cycle.Sources, s => Assert.Null(s.Error));
        var kpis = services.GetRequiredService<DigestBuilder>().Report(services.GetRequiredService<ICrmStore>().LoadClientBase(), TimeProvider.System.GetUtcNow());
        var mismatches = PlantedCheck.Compare(_sandbox.Facts, cycle, kpis).Where(c => !c.Matches).Select(c => $"{c.What}: planted {c.Planted}, found {c.Found}");
        Assert.Empty(mismatches);

        var toHead = _sandbox.TelegramRequests.Where(r => r.ChatId == DemoConfiguration.HeadChatId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        // The digest's pictures: one funnel per pipeline with open deals, named with its CRM, and the plan chart.
        var photos = toHead.Where(r => r.Method == "sendPhoto" && r.HasFile).Select(r => r.Text ?? "").ToList();
        Assert.Contains(photos, caption => caption.StartsWith("Воронка", StringComparison.Ordinal) && caption.Contains("Bitrix24", StringComparison.Ordinal));
        Assert.Contains(photos, caption => caption.StartsWith("Воронка", StringComparison.Ordinal) && caption.Contains("amoCRM", StringComparison.Ordinal));
        Assert.Single(photos, caption => caption.StartsWith("План и факт", StringComparison.Ordinal));
        var digest = string.Join("\n", toHead.Where(r => r.Method == "sendMessage").Select(r => r.Text));
        foreach (var section in new[] { "Вчера", "Неделя с", "Воронка и прогноз", "Конфликты", "Скоро вернутся в пул", "Нарушения паузы", "Концентрация клиентов" })
        {
            Assert.Contains(section, digest, StringComparison.Ordinal);
        }

        Assert.All(toHead.Where(r => r.Method == "sendMessage"), r => Assert.True(r.Text!.Length <= 4096));

        // A first run greets each recipient with a summary and the full list as a file; every file reached its chat.
        var files = _sandbox.TelegramRequests.Where(r => r.Method == "sendDocument").ToList();
        Assert.NotEmpty(files);
        Assert.All(files, r => Assert.True(r.HasFile));
        Assert.DoesNotContain(services.GetRequiredService<IOutboxStore>().List(OutboxState.Pending), e => e.Kind.StartsWith("telegram.", StringComparison.Ordinal));
        logs.AssertNoSecret(_sandbox.Options.BitrixSecret);
        logs.AssertNoSecret(_sandbox.Options.AmoAccessToken);
        logs.AssertNoSecret(_sandbox.Options.TelegramBotToken);
    }

    [Fact]
    public async Task A_second_tick_with_nothing_changed_sends_nothing_new()
    {
        using var host = CrmBridgeHost.Build([], overrides: DemoConfiguration.For(_sandbox, _storePath));
        var cycle = host.Services.GetRequiredService<SyncCycle>();
        await cycle.RunAsync(CancellationToken.None);
        var sentAfterFirst = _sandbox.TelegramRequests.Count;

        var second = await cycle.RunAsync(CancellationToken.None);

        Assert.Equal(sentAfterFirst, _sandbox.TelegramRequests.Count);
        Assert.Equal(0, second.Dispatch.Done);
        Assert.All(second.Rules.Actions, a => Assert.Equal("known", a.State));
    }

    [Fact]
    public async Task The_demo_command_prints_the_digest_and_finds_every_planted_fact()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await ToolingCommandLine.RunAsync(["demo", "--size", "200"], output, error, CancellationToken.None);

        var text = output.ToString();
        Assert.True(code == 0, text + error);
        Assert.Contains("Сводка на", text, StringComparison.Ordinal);
        Assert.Contains("Every planted fact was found.", text, StringComparison.Ordinal);
    }
}
