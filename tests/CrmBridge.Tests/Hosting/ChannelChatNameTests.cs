using System.Text.Json;
using CrmBridge.Foundation;
using CrmBridge.Hosting.Cli;
using CrmBridge.Tests.Telegram;

namespace CrmBridge.Tests.Hosting;

/// <summary>A public channel's @name is a chat the bot can send to: heads and managers may be configured by it.</summary>
public sealed class ChannelChatNameTests : IDisposable
{
    private readonly FakeTelegramApi api = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task A_head_channel_named_by_at_name_starts_and_gets_the_digest_addressed_by_that_name()
    {
        api.On("sendMessage", 200, "sendMessage.ok.json").On("sendPhoto", 200, "sendPhoto.ok.json");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CommandLine.RunAsync(
            ["digest", "--Storage:Path=:memory:", $"--Telegram:BotToken={FakeTelegramApi.Token}", $"--Telegram:ApiBaseUrl={api.BaseUrl}", "--Telegram:HeadChatIds:0=@sales_heads"],
            output,
            error,
            CancellationToken.None);

        Assert.True(code == 0, error.ToString());
        var messages = api.Bodies("sendMessage").Select(body => JsonDocument.Parse(body).RootElement).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, message => Assert.Equal("@sales_heads", message.GetProperty("chat_id").GetString()));
        Assert.Contains($"{messages.Count} sent, 0 failed", output.ToString(), StringComparison.Ordinal);
        api.AssertNoUnexpectedCalls();
    }

    [Theory]
    [InlineData("-1001234567890", -1001234567890L, null)]
    [InlineData(" 555001 ", 555001L, null)]
    [InlineData("@sales_heads", null, "@sales_heads")]
    [InlineData("@Sales_Heads_2026", null, "@Sales_Heads_2026")]
    public void A_chat_is_a_number_or_an_at_channel_name(string text, long? id, string? name)
    {
        Assert.True(ChatAddress.TryParse(text, out var chat));

        Assert.Equal((id, name), (chat.Id, chat.Name));
        Assert.Equal(text.Trim(), chat.ToString());
    }

    [Theory]
    [InlineData("sales heads")]
    [InlineData("12ab")]
    [InlineData("@ab")]
    [InlineData("@1sales")]
    [InlineData("@sales-heads")]
    [InlineData("")]
    public void Anything_else_is_not_a_chat(string text) => Assert.False(ChatAddress.TryParse(text, out _));
}
