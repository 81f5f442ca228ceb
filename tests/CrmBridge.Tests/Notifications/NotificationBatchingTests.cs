using System.Text;
using CrmBridge.Core.Model;
using CrmBridge.Outbox;
using CrmBridge.Rules;
using CrmBridge.Storage;
using CrmBridge.Tests.Rules;
using CrmBridge.Tests.Support;
using CrmBridge.Tests.Telegram;
using Microsoft.Extensions.DependencyInjection;
using static CrmBridge.Tests.Rules.PortalBuilder;

namespace CrmBridge.Tests.Notifications;

/// <summary>
/// No floods: the rules step over a real LiteDB outbox, then every queued action through the real Telegram executor
/// against a strict fake Bot API, so the requests a head and a manager would receive are asserted exactly.
/// </summary>
public sealed class NotificationBatchingTests : IDisposable
{
    private readonly FakeTelegramApi api = new();
    private readonly LogCapture logs = new();
    private readonly ObservedTimeProvider sendClock = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task A_first_run_with_300_timeouts_sends_the_head_one_summary_and_one_file_and_a_later_tick_one_message_of_three_items()
    {
        // Arrange: 300 cards Иванов has held without progress since day 0; the rules first run on day 40.
        using var harness = new RuleStepHarness(Day(40));
        harness.Notifications.SummaryOnFirstRun = true;
        var portal = new PortalBuilder().Manager("7", "Иванов");
        for (var id = 1; id <= 300; id++)
        {
            portal.Company(id.ToString(System.Globalization.CultureInfo.InvariantCulture), "7");
        }

        harness.Seed(portal.Build());
        api.On("sendMessage", 200, "sendMessage.ok.json").On("sendDocument", 200, "sendDocument.ok.json");
        var executor = TelegramTestServices.Build(api, logs, sendClock).GetServices<IActionExecutor>().Single();

        // Act 1: the first tick, then everything it queued goes out.
        var first = harness.NewStep().Run([]);
        await SendAllAsync(harness, executor);

        // Assert 1: 300 findings, two requests to the head — a summary and the CSV — and nothing else.
        Assert.Equal(300, first.Findings.Count(f => f.Rule == RuleNames.OwnershipTimeout));
        Assert.Equal(["/sendMessage", "/sendDocument"], Methods());
        var (summaryChat, summary) = Sent(Assert.Single(api.Bodies("sendMessage")));
        Assert.Equal(RuleStepHarness.HeadChat, summaryChat);
        Assert.Contains("Первый запуск: найдено 300", summary, StringComparison.Ordinal);
        Assert.Contains("Срок владения истёк: 300", summary, StringComparison.Ordinal);
        Assert.Contains("Самое срочное:", summary, StringComparison.Ordinal);
        Assert.Contains("https://portal.bitrix24.ru/crm/company/details/1/", summary, StringComparison.Ordinal);
        var file = api.Server.LogEntries[1].RequestMessage.BodyAsBytes!;
        var form = Encoding.UTF8.GetString(file);
        Assert.Contains("name=chat_id\r\n\r\n100\r\n", form, StringComparison.Ordinal);
        Assert.Contains("filename=\"crmbridge-2026-04-11-0900Z.csv\"", form, StringComparison.Ordinal);
        byte[] header = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("правило;важность;компания")];
        Assert.True(file.AsSpan().IndexOf(header) >= 0, "the CSV starts with a BOM and ';' headers");
        Assert.Equal(300, CountOf(form, "Срок владения истёк;нарушение;ООО Ромашка "));
        // The file waited for the chat's next slot (one message a second) instead of being told 429.
        Assert.Equal(TimeSpan.FromSeconds(1), await sendClock.FirstWait.WaitAsync(TimeSpan.FromSeconds(30)));

        // Arrange 2: a day later Иванов has three cards entering the warning window.
        api.Server.ResetLogEntries();
        harness.Clock.Advance(TimeSpan.FromDays(1));
        var later = new PortalBuilder().Manager("7", "Иванов");
        foreach (var id in (string[])["901", "902", "903"])
        {
            later.Company(id, "7", ownerSince: harness.Clock.GetUtcNow().AddDays(-26));
        }

        harness.Seed(later.Build());

        // Act 2
        harness.NewStep().Run([]);
        await SendAllAsync(harness, executor);

        // Assert 2: one message to Иванов listing the three cards; the head hears nothing new.
        Assert.Equal(["/sendMessage"], Methods());
        var (chat, message) = Sent(Assert.Single(api.Bodies("sendMessage")));
        Assert.Equal(RuleStepHarness.IvanovChat, chat);
        Assert.Equal(3, CountOf(message, "ownership-warning ООО Ромашка 90"));
        api.AssertNoUnexpectedCalls();
    }

    [Fact]
    public void A_restart_after_the_batch_was_queued_sends_nothing_twice()
    {
        using var harness = new RuleStepHarness(Day(41));
        harness.Seed(new PortalBuilder().Manager("7", "Иванов")
            .Company("901", "7", ownerSince: Day(41).AddDays(-26))
            .Company("902", "7", ownerSince: Day(41).AddDays(-26))
            .Build());

        harness.NewStep().Run([]);
        harness.Restart();
        var again = harness.NewStep().Run([]);

        var batch = Assert.Single(harness.AllQueued);
        Assert.StartsWith($"notify|tg:{RuleStepHarness.IvanovChat}|", batch.Key, StringComparison.Ordinal);
        Assert.All(again.Actions, action => Assert.Equal(RuleReportAction.Known, action.State));
    }

    private async Task SendAllAsync(RuleStepHarness harness, IActionExecutor executor)
    {
        foreach (var entry in harness.AllQueued.Where(e => e.State == OutboxState.Pending && e.Kind.StartsWith("telegram.", StringComparison.Ordinal)))
        {
            var timers = sendClock.TimersCreated;
            var sending = executor.ExecuteAsync(new ActionAttempt(entry.Kind, entry.Key, OutboxPayloadSerializer.Deserialize(entry.PayloadType, entry.PayloadJson), entry.MayHaveRun), CancellationToken.None);
            while (!sending.IsCompleted)
            {
                // Once the limiter waits for the chat's next slot, let that second pass on the fake clock.
                if (sendClock.TimersCreated > timers)
                {
                    timers = sendClock.TimersCreated;
                    sendClock.Advance(TimeSpan.FromSeconds(1));
                }

                await Task.Yield();
            }

            await sending;
            harness.Store.Outbox.Save(entry with { State = OutboxState.Done });
        }
    }

    private static (long Chat, string Text) Sent(string body)
    {
        var json = System.Text.Json.JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("chat_id").GetInt64(), json.GetProperty("text").GetString()!);
    }

    private List<string> Methods() =>
        [.. api.Server.LogEntries.Select(entry => entry.RequestMessage.Path[entry.RequestMessage.Path.LastIndexOf('/')..])];

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
