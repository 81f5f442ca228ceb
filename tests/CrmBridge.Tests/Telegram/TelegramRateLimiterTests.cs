using CrmBridge.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.Telegram;

public class TelegramRateLimiterTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 18, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void One_chat_gets_at_most_one_message_a_second()
    {
        var limiter = new TelegramRateLimiter(clock);

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], [limiter.Reserve(7), limiter.Reserve(7), limiter.Reserve(7)]);
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(8));
    }

    [Fact]
    public void A_group_gets_at_most_20_messages_a_minute()
    {
        var limiter = new TelegramRateLimiter(clock);

        var waits = Enumerable.Range(0, 21).Select(_ => limiter.Reserve(-100123)).ToList();

        Assert.Equal(TimeSpan.FromSeconds(19), waits[19]);
        Assert.Equal(TimeSpan.FromMinutes(1), waits[20]);
    }

    [Fact]
    public void All_chats_together_get_at_most_30_messages_a_second()
    {
        var limiter = new TelegramRateLimiter(clock);

        var waits = Enumerable.Range(1, 31).Select(chat => limiter.Reserve(chat)).ToList();

        Assert.All(waits.Take(30), wait => Assert.Equal(TimeSpan.Zero, wait));
        Assert.Equal(TimeSpan.FromSeconds(1), waits[30]);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve(99));
    }
}
