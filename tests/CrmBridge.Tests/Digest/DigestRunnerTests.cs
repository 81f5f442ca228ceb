using CrmBridge.Core.Model;
using CrmBridge.Digest;
using CrmBridge.Foundation;
using CrmBridge.Notifications;
using CrmBridge.Outbox;
using CrmBridge.Rules;
using CrmBridge.Storage;
using CrmBridge.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.Digest;

public sealed class DigestRunnerTests : IDisposable
{
    private readonly FakeTimeProvider time = new(DigestScenario.Now);
    private readonly CrmStore store;
    private readonly LogCapture logs = new();

    public DigestRunnerTests()
    {
        store = CrmStore.OpenInMemory(time);
        var clientBase = DigestScenario.Base();
        store.Managers.Upsert(clientBase.Managers);
        store.Companies.Upsert(clientBase.Companies);
        store.Pipelines.Upsert(clientBase.Pipelines);
        store.Deals.Upsert(clientBase.Deals);
        store.Activities.Upsert(clientBase.Activities);
    }

    public void Dispose() => store.Dispose();

    private DigestRunner Runner(params long[] heads) => new(
        store,
        new FixedFindings(DigestScenario.Findings()),
        store.Outbox,
        new ChatDirectory(Options.Create(new TelegramOptions { HeadChatIds = [.. heads] })),
        DigestScenario.Builder(),
        new PortalTimeZone(DigestScenario.Moscow),
        time,
        logs.CreateLogger<DigestRunner>());

    [Fact]
    public void Each_head_gets_the_digest_queued_once_per_day_with_the_chart_as_its_own_action_before_the_text()
    {
        var runner = Runner(555001, 555002);

        var queued = runner.Queue();

        var entries = store.Outbox.List();
        Assert.Equal(queued, entries.Count);
        Assert.Equal(
            ["digest-chart|555001|2026-11-18", "digest-chart|555002|2026-11-18", "digest|555001|2026-11-18", "digest|555002|2026-11-18"],
            entries.Select(entry => entry.Key).Order(StringComparer.Ordinal));
        var chart = entries.Single(e => e.Key == "digest-chart|555001|2026-11-18");
        Assert.Equal(ActionKinds.TelegramPhoto, chart.Kind);
        Assert.NotEmpty(Assert.IsType<TelegramPhotoPayload>(OutboxPayloadSerializer.Deserialize(chart.PayloadType, chart.PayloadJson)).Png);
        var text = entries.Single(e => e.Key == "digest|555001|2026-11-18");
        var payload = Assert.IsType<TelegramMessagePayload>(OutboxPayloadSerializer.Deserialize(text.PayloadType, text.PayloadJson));
        Assert.Equal(ActionKinds.TelegramMessage, text.Kind);
        Assert.Contains("Сводка на 18.11.2026", payload.Html, StringComparison.Ordinal);

        // The job fires again the same morning (a restart, a manual run): nothing new is queued.
        Assert.Equal(0, runner.Queue());
        Assert.Equal(4, store.Outbox.List().Count);
    }

    [Fact]
    public void The_next_morning_queues_a_new_digest()
    {
        var runner = Runner(555001);
        runner.Queue();

        time.Advance(TimeSpan.FromDays(1));
        runner.Queue();

        Assert.Equal(
            ["digest-chart|555001|2026-11-18", "digest-chart|555001|2026-11-19", "digest|555001|2026-11-18", "digest|555001|2026-11-19"],
            store.Outbox.List().Select(entry => entry.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_heads_nothing_is_queued_and_the_admin_is_told_which_key_to_set()
    {
        Assert.Equal(0, Runner().Queue());

        Assert.Empty(store.Outbox.List());
        Assert.Contains(logs.Lines, line => line.Contains("Telegram:HeadChatIds is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Console_rendering_is_plain_text_and_queues_nothing()
    {
        var text = Runner(555001).RenderForConsole();

        Assert.Contains("Сводка на 18.11.2026", text, StringComparison.Ordinal);
        Assert.Contains("ООО <Рога & Копыта>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Сводка", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", text, StringComparison.Ordinal);
        Assert.Empty(store.Outbox.List());
    }

    private sealed class FixedFindings(IReadOnlyList<Finding> findings) : ICurrentFindings
    {
        public IReadOnlyList<Finding> Current(ClientBase clientBase, DateTimeOffset now) => findings;
    }
}
