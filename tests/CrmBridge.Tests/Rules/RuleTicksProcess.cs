using CrmBridge.Bitrix24;
using CrmBridge.Dedupe;
using CrmBridge.Enrichment;
using CrmBridge.Foundation;
using CrmBridge.Notifications;
using CrmBridge.Outbox;
using CrmBridge.Rules;
using CrmBridge.Storage;
using CrmBridge.Sync;
using CrmBridge.Tests.Rules.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Tests.Rules;

/// <summary>
/// One CrmBridge process: the real feature registrations (storage file, outbox, Bitrix24, write-backs, rules) in a
/// fresh container; only the clock, Telegram and the renderer/chat directory are the test's. Disposing it is the
/// process ending: the container closes the Store file and nothing in memory survives.
/// </summary>
internal sealed class RuleTicksProcess : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly RuleTicksWorld _world;

    public RuleTicksProcess(RuleTicksWorld world, IReadOnlyDictionary<string, string?> settings)
    {
        _world = world;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(world.Time);
        services.AddSingleton(new PortalTimeZone(RuleTicksWorld.Moscow));
        services.AddStorage(configuration);
        services.AddOutbox(configuration);
        services.AddBitrix24(configuration);
        services.AddEnrichment(configuration);
        services.AddDedupe(configuration);
        services.AddSync();
        services.AddRules(configuration);
        services.AddNotifications(configuration);
        services.AddSingleton<IActionExecutor>(world.Telegram);
        services.AddSingleton<INudgeRenderer>(new FakeNudgeRenderer());
        services.AddSingleton<IChatDirectory>(new FakeChatDirectory(
            [RuleTicksWorld.HeadChat], new Dictionary<string, long> { [RuleTicksWorld.OwnerId] = RuleTicksWorld.OwnerChat }));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public ICrmStore Store => _services.GetRequiredService<ICrmStore>();

    /// <summary>The real sync tick: pull the portal's changes, dedupe, evaluate the rules, run the due outbox actions.</summary>
    public async Task<RuleReport> TickAsync()
    {
        var cycle = await _world.Time.RunAsync(() => _services.GetRequiredService<SyncCycle>().RunAsync(CancellationToken.None));
        var source = Assert.Single(cycle.Sources);
        Assert.Null(source.Error);
        Assert.Equal((0, 0), (cycle.Dispatch.Failed, cycle.Dispatch.Retrying));
        return cycle.Rules;
    }

    public void Dispose() => _services.Dispose();
}
