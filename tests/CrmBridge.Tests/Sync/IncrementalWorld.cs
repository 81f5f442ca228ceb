using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Dedupe;
using CrmBridge.Enrichment;
using CrmBridge.Foundation;
using CrmBridge.Notifications;
using CrmBridge.Outbox;
using CrmBridge.Rules;
using CrmBridge.Storage;
using CrmBridge.Sync;
using CrmBridge.Tests.Bitrix24.Fakes;
using CrmBridge.Tests.Outbox;
using CrmBridge.Tests.Rules.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Tests.Sync;

/// <summary>
/// One CrmBridge process over a <see cref="ScriptedCrm"/> of both CRMs: the real storage, outbox, dedupe, rules,
/// notifications and sync tick, with releases written back to the scripted CRM; only the clock, Telegram and the
/// renderer are the test's. Every manager has a chat, so every nudge becomes an action.
/// </summary>
internal sealed class IncrementalWorld : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(3));

    private readonly ServiceProvider _services;
    private readonly bool _full;

    public IncrementalWorld(int seed, bool full)
    {
        _full = full;
        Time = new DrivenTimeProvider(Start);
        Crm = new ScriptedCrm(seed, companiesPerCrm: 150, Time.GetUtcNow);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = CrmStore.InMemoryPath,
            ["Rules:OwnershipMode"] = "Release",
            ["Rules:PoolUserIds:bitrix24"] = ScriptedCrm.PoolUserId,
            ["Rules:PoolUserIds:amocrm"] = ScriptedCrm.PoolUserId,
            ["Rules:RepeatInterval"] = "2.00:00:00",
            ["Dedupe:CommentOnDuplicates"] = "true",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(new PortalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")));
        services.AddStorage(configuration);
        services.AddOutbox(configuration);
        services.AddEnrichment(configuration);
        services.AddDedupe(configuration);
        services.AddSync();
        services.AddRules(configuration);
        services.AddNotifications(configuration);
        foreach (var kind in ScriptedCrm.Accounts.Keys)
        {
            services.AddSingleton<ICrmConnector>(sp => new ScriptedConnector(Crm, kind, sp.GetRequiredService<ICrmStore>()));
        }

        services.AddSingleton<IActionExecutor>(Telegram);
        services.AddSingleton<INudgeRenderer>(new FakeNudgeRenderer());
        services.AddSingleton<IChatDirectory>(new FakeChatDirectory(
            [100], ScriptedCrm.ManagerIds.ToDictionary(id => id, id => 700L + long.Parse(id, System.Globalization.CultureInfo.InvariantCulture))));
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public DrivenTimeProvider Time { get; }

    public ScriptedCrm Crm { get; }

    /// <summary>The bot: messages, and the CSV file a first run or a flood of findings comes with.</summary>
    public RecordingExecutor Telegram { get; } = new(ActionKinds.TelegramMessage, ActionKinds.TelegramDocument);

    public ICrmStore Store => _services.GetRequiredService<ICrmStore>();

    /// <summary>One sync tick: a full evaluation in the full world, changed-or-due in the other.</summary>
    public async Task<CycleResult> TickAsync()
    {
        var cycle = await Time.RunAsync(() => _services.GetRequiredService<SyncCycle>().RunAsync(CancellationToken.None, full: _full));
        Assert.All(cycle.Sources, s => Assert.Null(s.Error));
        Assert.Equal((0, 0), (cycle.Dispatch.Failed, cycle.Dispatch.Retrying));
        return cycle;
    }

    /// <summary>Every action the outbox ever took in, by idempotency key.</summary>
    public IReadOnlyList<string> ActionKeys() =>
        [.. _services.GetRequiredService<IOutboxStore>().List().Select(e => e.Key).Order(StringComparer.Ordinal)];

    public void Dispose() => _services.Dispose();
}
