using System.Globalization;
using CrmBridge.Core.Rules;
using CrmBridge.Foundation;
using CrmBridge.Notifications;
using CrmBridge.Outbox;
using CrmBridge.Rules;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Digest;

/// <summary>
/// The digest use case behind the Quartz job and `crmbridge digest`: compute from the Store, queue one digest per head
/// through the outbox (key digest|chat|date, then |2, |3 for further parts), or render it for the console.
/// </summary>
internal sealed partial class DigestRunner(
    ICrmStore store,
    ICurrentFindings findings,
    IOutbox outbox,
    IChatDirectory chats,
    DigestBuilder builder,
    PortalTimeZone zone,
    TimeProvider time,
    ILogger<DigestRunner> logger)
{
    /// <summary>What the digest job runs: compute the KPIs and queue the morning messages.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        Queue();
        return Task.CompletedTask;
    }

    /// <summary>Queues today's digest for every head; returns how many messages were new to the outbox.</summary>
    public int Queue()
    {
        if (chats.HeadChatIds.Count == 0)
        {
            LogNoHeads(logger);
            return 0;
        }

        var digest = Build();
        var date = new PortalCalendar(zone.Zone).DateOf(time.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var queued = 0;
        foreach (var chat in chats.HeadChatIds)
        {
            // The chart is its own action ("digest-chart" sorts before "digest|", so it goes first): a text that fails
            // after it never sends the picture again.
            if (digest.Chart is { } chart
                && outbox.Enqueue(new PlannedAction(ActionKinds.TelegramPhoto, $"digest-chart|{chat}|{date}", new TelegramPhotoPayload(chat, chart, digest.ChartCaption), $"digest {date} chart to chat {chat}")))
            {
                queued++;
            }

            for (var part = 0; part < digest.Messages.Count; part++)
            {
                var key = part == 0 ? $"digest|{chat}|{date}" : $"digest|{chat}|{date}|{part + 1}";
                var payload = new TelegramMessagePayload(chat, digest.Messages[part]);
                if (outbox.Enqueue(new PlannedAction(ActionKinds.TelegramMessage, key, payload, $"digest {date} part {part + 1}/{digest.Messages.Count} to chat {chat}")))
                {
                    queued++;
                }
            }
        }

        LogQueued(logger, queued, chats.HeadChatIds.Count, date);
        return queued;
    }

    public DigestMessage Build()
    {
        var now = time.GetUtcNow();
        var clientBase = store.LoadClientBase();
        return builder.Build(clientBase, findings.Current(clientBase, now), now);
    }

    /// <summary>For `crmbridge digest --print`: the messages as plain text (or the raw HTML), separated by a rule.</summary>
    public string RenderForConsole(bool html = false)
    {
        var messages = Build().Messages.Select(message => html ? message : TelegramHtml.ToPlainText(message));
        return string.Join("\n\n----\n\n", messages) + "\n";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest not queued: Telegram:HeadChatIds is empty")]
    private static partial void LogNoHeads(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest queued: {Queued} new messages for {Heads} heads on {Date}")]
    private static partial void LogQueued(ILogger logger, int queued, int heads, string date);
}
