using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using CrmBridge.Hosting;
using CrmBridge.Outbox;
using CrmBridge.Rules;
using CrmBridge.Telegram;
using CrmBridge.Tests.Rules.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.Rules;

/// <summary>One store, one outbox and one clock shared by every RuleStep it makes, as across restarts.</summary>
internal sealed class RuleStepHarness
{
    public const long HeadChat = 100;
    public const long IvanovChat = 700;

    public RuleStepHarness(DateTimeOffset start, RulesOptions? options = null)
    {
        Clock = new FakeTimeProvider(start);
        Options = options ?? new RulesOptions();
    }

    public FakeTimeProvider Clock { get; }

    public RulesOptions Options { get; }

    public SnapshotStore Store { get; } = new();

    public RecordingOutbox Outbox { get; } = new();

    public static RulesOptions ReleaseMode() => new()
    {
        OwnershipMode = OwnershipMode.Release,
        PoolUserIds = new Dictionary<string, string> { ["bitrix24"] = "1" },
    };

    public void Seed(ClientBase clientBase) => Store.Snapshot = clientBase;

    /// <summary>A fresh step, as after a process restart: nothing kept in memory.</summary>
    public RuleStep NewStep() => new(
        Store,
        Outbox,
        [new FakeCardLinks(PortalBuilder.Account)],
        new FakeNudgeRenderer(),
        new FakeChatDirectory([HeadChat], new Dictionary<string, long> { ["7"] = IvanovChat }),
        Microsoft.Extensions.Options.Options.Create(Options),
        Microsoft.Extensions.Options.Options.Create(new TelegramOptions()),
        new PortalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")),
        Clock,
        NullLogger<RuleStep>.Instance);

    /// <summary>Runs one step every <paramref name="every"/> until <paramref name="until"/>, a new step each tick.</summary>
    public void TickUntil(DateTimeOffset until, TimeSpan every)
    {
        while (Clock.GetUtcNow() <= until)
        {
            NewStep().Run([]);
            Clock.Advance(every);
        }
    }

    public IEnumerable<PlannedAction> Accepted(string kind, string rule) =>
        Outbox.Accepted.Where(a => a.Kind == kind && a.Key.StartsWith(rule + "|", StringComparison.Ordinal));
}
