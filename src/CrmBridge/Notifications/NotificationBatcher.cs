using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CrmBridge.Digest;
using CrmBridge.Foundation;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using CrmBridge.Telegram;
using Microsoft.Extensions.Options;

namespace CrmBridge.Notifications;

/// <summary>
/// No floods: the per-finding messages the planners make in one tick are held here and go out per recipient as one
/// message (split only at Telegram's 4 096 characters). On the first run, or past Notifications:SummaryThreshold
/// items, the recipient gets a short summary (counts per rule, the most urgent items with links) and the full list
/// as a CSV file instead. Each item is marked once it is part of a queued batch, so a restart re-plans only what was
/// never queued, and the batch key (recipient + the items' keys) is the same when it does: nothing goes out twice.
/// </summary>
internal sealed class NotificationBatcher(IOutbox outbox, ICrmStore store, IOptions<NotificationsOptions> options, IOptions<TelegramOptions> telegram, TimeProvider time)
{
    public const string MarkerPrefix = "notified|";

    private readonly List<PlannedAction> pending = [];
    private readonly Lock gate = new();
    private readonly NotificationTexts texts = new(telegram.Value.Language);

    /// <summary>Holds a per-finding Telegram message until <see cref="Flush"/>; anything else is not for here.</summary>
    public void Add(PlannedAction message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Payload is not TelegramMessagePayload)
        {
            throw new ArgumentException($"Only Telegram messages are batched, not {message.Kind}.", nameof(message));
        }

        lock (gate)
        {
            pending.Add(message);
        }
    }

    /// <summary>Queues one batch per recipient and returns what was queued (false: the batch was already known).</summary>
    public IReadOnlyList<(PlannedAction Action, bool Queued)> Flush(bool firstRun)
    {
        List<PlannedAction> held;
        lock (gate)
        {
            held = [.. pending];
            pending.Clear();
        }

        var results = new List<(PlannedAction, bool)>();
        foreach (var recipient in held.GroupBy(message => ((TelegramMessagePayload)message.Payload).ChatId))
        {
            var fresh = new List<PlannedAction>();
            foreach (var message in recipient.DistinctBy(message => message.Key))
            {
                if (store.Values.Get(MarkerPrefix + message.Key) is null)
                {
                    fresh.Add(message);
                }
                else
                {
                    // Already part of a queued batch: reported as known, never sent again.
                    results.Add((message, false));
                }
            }

            if (fresh.Count == 0)
            {
                continue;
            }

            var batchKey = BatchKey(recipient.Key, fresh);
            var summarise = (firstRun && options.Value.SummaryOnFirstRun) || fresh.Count > options.Value.SummaryThreshold;
            foreach (var action in summarise ? Summary(recipient.Key, batchKey, fresh, firstRun) : Merged(recipient.Key, batchKey, fresh))
            {
                results.Add((action, outbox.Enqueue(action)));
            }

            foreach (var message in fresh)
            {
                store.Values.Set(MarkerPrefix + message.Key, batchKey);
            }
        }

        return results;
    }

    private static List<PlannedAction> Merged(ChatAddress chatId, string batchKey, List<PlannedAction> items)
    {
        if (items.Count == 1)
        {
            // One finding is one message: it keeps its own key, stable per finding period.
            return [items[0]];
        }

        var parts = TelegramMessageSplitter.Split(items.Select(item => ((TelegramMessagePayload)item.Payload).Html));
        return [.. parts.Select((html, index) => new PlannedAction(
            ActionKinds.TelegramMessage,
            $"{batchKey}|{(index + 1).ToString(CultureInfo.InvariantCulture)}",
            new TelegramMessagePayload(chatId, html),
            $"{items.Count} findings in one message to chat {chatId.ToString()}" + (parts.Count > 1 ? $" (part {index + 1} of {parts.Count})" : "")))];
    }

    private List<PlannedAction> Summary(ChatAddress chatId, string batchKey, List<PlannedAction> messages, bool firstRun)
    {
        var items = messages.Select(message => message.Item ?? new NotificationItem("", default, "", null, "", TelegramHtml.ToPlainText(((TelegramMessagePayload)message.Payload).Html))).ToList();
        var lines = new List<string> { texts.SummaryTitle(items.Count, firstRun) };
        lines.AddRange(items.GroupBy(item => item.Rule)
            .OrderByDescending(group => group.Count())
            .Select(group => $"• {TelegramHtml.Escape(texts.RuleName(group.Key))}: {group.Count().ToString(CultureInfo.InvariantCulture)}"));
        var urgent = items.Select((item, index) => (item, index))
            .OrderByDescending(pair => pair.item.Severity)
            .ThenBy(pair => pair.index)
            .Take(options.Value.SummaryTopItems)
            .Select(pair => pair.item)
            .ToList();
        if (urgent.Count > 0)
        {
            lines.Add("");
            lines.Add(texts.MostUrgent);
            lines.AddRange(urgent.Select(item => $"• {TelegramHtml.Escape(texts.RuleName(item.Rule))}: {TelegramHtml.Link(item.CardUrl, TelegramHtml.Escape(item.Company))}"
                + (item.Owner.Length > 0 ? $" ({TelegramHtml.Escape(item.Owner)})" : "")));
        }

        lines.Add("");
        lines.Add(texts.FullListAttached);
        var chat = chatId.ToString();
        return
        [
            new PlannedAction(ActionKinds.TelegramMessage, $"{batchKey}|1", new TelegramMessagePayload(chatId, string.Join('\n', lines)), $"Summary of {items.Count} findings to chat {chat}"),
            new PlannedAction(
                ActionKinds.TelegramDocument,
                $"{batchKey}|2",
                new TelegramDocumentPayload(chatId, NotificationTexts.FileName(time.GetUtcNow()), NotificationCsv.Write(items, texts), texts.FileCaption(items.Count)),
                $"List of {items.Count} findings as CSV to chat {chat}"),
        ];
    }

    /// <summary>Recipient and the items' keys: the same held items always make the same batch.</summary>
    private static string BatchKey(ChatAddress chatId, IEnumerable<PlannedAction> items)
    {
        var joined = string.Join('\n', items.Select(item => item.Key).Order(StringComparer.Ordinal));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..16];
        return $"notify|tg:{chatId.ToString()}|{hash}";
    }
}
