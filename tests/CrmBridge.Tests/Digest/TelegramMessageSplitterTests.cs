using CrmBridge.Digest;
using CrmBridge.Notifications;

namespace CrmBridge.Tests.Digest;

public class TelegramMessageSplitterTests
{
    [Fact]
    public void Sections_that_fit_together_share_one_message()
    {
        var messages = TelegramMessageSplitter.Split(["<b>A</b>\none", "<b>B</b>\ntwo"]);

        Assert.Equal(["<b>A</b>\none\n\n<b>B</b>\ntwo"], messages);
    }

    [Fact]
    public void A_section_that_does_not_fit_starts_the_next_message_whole()
    {
        var first = new string('a', 3000);
        var second = "<b>B</b>\n" + new string('b', 2000);

        var messages = TelegramMessageSplitter.Split([first, second]);

        Assert.Equal([first, second], messages);
    }

    [Fact]
    public void A_section_longer_than_a_message_is_cut_between_lines()
    {
        var lines = Enumerable.Range(0, 300).Select(index => $"line {index:000} " + new string('x', 30)).ToList();

        var messages = TelegramMessageSplitter.Split([string.Join('\n', lines)]);

        Assert.All(messages, message => Assert.InRange(message.Length, 1, TelegramMessageSplitter.Limit));
        Assert.Equal(lines, messages.SelectMany(message => message.Split('\n')));
    }

    [Fact]
    public void An_overlong_line_is_cut_outside_entities()
    {
        var line = string.Concat(Enumerable.Repeat("a&amp;", 1000));

        var messages = TelegramMessageSplitter.Split([line]);

        Assert.All(messages, message => Assert.InRange(message.Length, 1, TelegramMessageSplitter.Limit));
        Assert.True(messages.Count > 1);
        Assert.All(messages, message => Assert.DoesNotContain('&', message.Replace("&amp;", "", StringComparison.Ordinal)));
        Assert.Equal(line, string.Concat(messages));
    }
}
