using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using CrmBridge.Foundation;
using CrmBridge.Notifications;
using CrmBridge.Rules;
using CrmBridge.Storage;
using CrmBridge.Tests.Rules.Fakes;
using CrmBridge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.Rules;

/// <summary>
/// A LiteDB store in a temporary file, its outbox and one fake clock; <see cref="Restart"/> closes and reopens the
/// file, as a process restart would.
/// </summary>
internal sealed class RuleStepHarness : IDisposable
{
    public const long HeadChat = 100;
    public const long IvanovChat = 700;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("crmbridge-rules-");

    public RuleStepHarness(DateTimeOffset start, RulesOptions? options = null, bool dryRun = false)
    {
        Clock = new FakeTimeProvider(start);
        Options = options ?? new RulesOptions();
        DryRun = dryRun;
        Store = CrmStore.Open(StorePath, Clock);
    }

    public FakeTimeProvider Clock { get; }

    public RulesOptions Options { get; }

    public bool DryRun { get; }

    public CrmStore Store { get; private set; }

    public static RulesOptions ReleaseMode() => new()
    {
        OwnershipMode = OwnershipMode.Release,
        PoolUserIds = new Dictionary<string, string> { ["bitrix24"] = "1" },
    };

    public void Seed(ClientBase clientBase)
    {
        Store.Companies.Upsert(clientBase.Companies);
        Store.Activities.Upsert(clientBase.Activities);
        Store.Managers.Upsert(clientBase.Managers);
        Store.Deals.Upsert(clientBase.Deals);
    }

    public void Restart()
    {
        Store.Dispose();
        Store = CrmStore.Open(StorePath, Clock);
    }

    /// <summary>A fresh step and notifier, as the sync job builds after a restart: nothing kept in memory.</summary>
    public RuleNotifier NewStep() => new(
        Store,
        new RuleStep(
            Store,
            Microsoft.Extensions.Options.Options.Create(Options),
            new PortalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")),
            Clock,
            NullLogger<RuleStep>.Instance,
            TestPeople.Configuration([.. Options.PoolUserIds.Select(pool => ($"Rules:PoolUserIds:{pool.Key}", pool.Value))])),
        Store.Outbox,
        [new FakeCardLinks(PortalBuilder.Account)],
        new FakeNudgeRenderer(),
        new FakeChatDirectory([HeadChat], new Dictionary<string, long> { ["7"] = IvanovChat }),
        Microsoft.Extensions.Options.Options.Create(Options),
        Microsoft.Extensions.Options.Options.Create(new TelegramOptions()),
        Microsoft.Extensions.Options.Options.Create(new RunOptions { DryRun = DryRun }),
        new PortalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")),
        NullLogger<RuleNotifier>.Instance,
        new NotificationBatcher(
            Store.Outbox,
            Store,
            Microsoft.Extensions.Options.Options.Create(Notifications),
            Microsoft.Extensions.Options.Options.Create(new TelegramOptions()),
            Clock));

    /// <summary>How the batcher merges a recipient's messages; the first-run summary has its own tests.</summary>
    public NotificationsOptions Notifications { get; } = new() { SummaryOnFirstRun = false };

    /// <summary>Runs one step every <paramref name="every"/> until <paramref name="until"/>.</summary>
    public void TickUntil(DateTimeOffset until, TimeSpan every)
    {
        while (Clock.GetUtcNow() <= until)
        {
            NewStep().Run([]);
            Clock.Advance(every);
        }
    }

    public IReadOnlyList<OutboxEntry> AllQueued => Store.Outbox.List();

    private string StorePath => Path.Combine(_folder.FullName, "crmbridge.db");

    public IEnumerable<OutboxEntry> Queued(string kind, string rule) =>
        AllQueued.Where(a => a.Kind == kind && a.Key.StartsWith(rule + "|", StringComparison.Ordinal));

    public static T PayloadOf<T>(OutboxEntry entry) => Assert.IsType<T>(OutboxPayloadSerializer.Deserialize(entry.PayloadType, entry.PayloadJson));

    public void Dispose()
    {
        Store.Dispose();
        _folder.Delete(recursive: true);
    }
}
