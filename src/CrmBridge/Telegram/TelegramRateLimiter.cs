using CrmBridge.Foundation;

namespace CrmBridge.Telegram;

/// <summary>
/// Telegram's sending limits, kept up front instead of waiting for a 429 (core.telegram.org/bots/faq#broadcasting-to-users):
/// about one message a second in one chat, at most 20 a minute to one group, about 30 a second overall.
/// <see cref="Reserve"/> books the earliest moment that keeps all three and says how long to wait for it.
/// </summary>
internal sealed class TelegramRateLimiter(TimeProvider time)
{
    public static readonly TimeSpan PerChatInterval = TimeSpan.FromSeconds(1);
    public const int PerGroupPerMinute = 20;
    public const int OverallPerSecond = 30;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly Dictionary<ChatAddress, DateTimeOffset> lastByChat = [];
    private readonly Dictionary<ChatAddress, List<DateTimeOffset>> groupSends = [];
    private readonly List<DateTimeOffset> allSends = [];

    /// <summary>Books a send to the chat; returns how long to wait before it (zero when it may go now).</summary>
    public TimeSpan Reserve(ChatAddress chatId)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            Forget(now);
            var at = now;
            var group = chatId.IsGroupOrChannel ? Sends(chatId) : null;
            for (var moved = true; moved;)
            {
                moved = false;
                if (lastByChat.TryGetValue(chatId, out var last) && at < last + PerChatInterval)
                {
                    at = last + PerChatInterval;
                    moved = true;
                }

                if (group is not null && EarliestUnder(group, at, Minute, PerGroupPerMinute) is { } groupAt && groupAt > at)
                {
                    at = groupAt;
                    moved = true;
                }

                if (EarliestUnder(allSends, at, Second, OverallPerSecond) is { } overallAt && overallAt > at)
                {
                    at = overallAt;
                    moved = true;
                }
            }

            lastByChat[chatId] = at;
            group?.Add(at);
            allSends.Add(at);
            return at - now;
        }
    }

    /// <summary>The first moment from <paramref name="at"/> on when fewer than <paramref name="limit"/> sends fall in the window before it.</summary>
    private static DateTimeOffset? EarliestUnder(List<DateTimeOffset> sends, DateTimeOffset at, TimeSpan window, int limit)
    {
        var inWindow = sends.Where(sent => sent > at - window && sent <= at).Order().ToList();
        return inWindow.Count < limit ? null : inWindow[inWindow.Count - limit] + window;
    }

    private List<DateTimeOffset> Sends(ChatAddress chatId)
    {
        if (!groupSends.TryGetValue(chatId, out var sends))
        {
            sends = [];
            groupSends[chatId] = sends;
        }

        return sends;
    }

    private void Forget(DateTimeOffset now)
    {
        allSends.RemoveAll(sent => sent <= now - Minute);
        foreach (var sends in groupSends.Values)
        {
            sends.RemoveAll(sent => sent <= now - Minute);
        }
    }
}
