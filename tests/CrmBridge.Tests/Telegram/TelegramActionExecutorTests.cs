using System.Text.Json;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using CrmBridge.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Tests.Telegram;

public sealed class TelegramActionExecutorTests : IDisposable
{
    private readonly FakeTelegramApi api = new();
    private readonly LogCapture logs = new();
    private readonly ObservedTimeProvider time = new();

    public void Dispose() => api.Dispose();

    private IActionExecutor Executor(IDictionary<string, string?>? settings = null) =>
        TelegramTestServices.Build(api, logs, time, settings).GetServices<IActionExecutor>().Single();

    [Fact]
    public async Task A_message_is_sent_as_HTML_without_link_previews()
    {
        api.On("sendMessage", 200, "sendMessage.ok.json");

        await Executor().ExecuteAsync(ActionKinds.TelegramMessage, new TelegramMessagePayload(555001, "<b>Сводка</b> &amp; план"), CancellationToken.None);

        var body = JsonDocument.Parse(Assert.Single(api.Bodies("sendMessage"))).RootElement;
        Assert.Equal(555001, body.GetProperty("chat_id").GetInt64());
        Assert.Equal("<b>Сводка</b> &amp; план", body.GetProperty("text").GetString());
        Assert.Equal("HTML", body.GetProperty("parse_mode").GetString(), ignoreCase: true); // Telegram.Bot writes "Html"; the API is case-insensitive.
        Assert.True(body.GetProperty("link_preview_options").GetProperty("is_disabled").GetBoolean());
        api.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task A_chart_goes_first_as_a_photo_with_its_caption_then_the_text()
    {
        api.On("sendPhoto", 200, "sendPhoto.ok.json").On("sendMessage", 200, "sendMessage.ok.json");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

        await Executor().ExecuteAsync(ActionKinds.TelegramMessage, new TelegramMessagePayload(555001, "text", png, "Воронка"), CancellationToken.None);

        Assert.Equal(["/sendPhoto", "/sendMessage"], api.Server.LogEntries.Select(entry => entry.RequestMessage.Path[entry.RequestMessage.Path.LastIndexOf('/')..]));
        var photo = api.Server.LogEntries[0].RequestMessage;
        Assert.StartsWith("multipart/form-data", photo.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
        var form = System.Text.Encoding.UTF8.GetString(photo.BodyAsBytes ?? []);
        Assert.Contains("name=chat_id\r\n\r\n555001\r\n", form, StringComparison.Ordinal);
        Assert.Contains("name=caption\r\n\r\nВоронка\r\n", form, StringComparison.Ordinal);
        Assert.Contains("filename=\"funnel.png\"", form, StringComparison.Ordinal);
        Assert.True(photo.BodyAsBytes!.AsSpan().IndexOf(png) >= 0, "the PNG bytes travel unchanged");
        api.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task A_429_waits_retry_after_on_the_clock_before_sending_again()
    {
        api.On("sendMessage", 429, "error.429.json", scenario: "flood", setState: "waited")
            .On("sendMessage", 200, "sendMessage.ok.json", scenario: "flood", whenState: "waited");

        var sending = Executor().ExecuteAsync(ActionKinds.TelegramMessage, new TelegramMessagePayload(555001, "hi"), CancellationToken.None);

        // The executor arms a 5-second wait (retry_after) and has not retried yet.
        Assert.Equal(TimeSpan.FromSeconds(5), await time.FirstWait.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Single(api.Bodies("sendMessage"));
        Assert.False(sending.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(5));
        await sending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, api.Bodies("sendMessage").Count);
        Assert.Contains(logs.Lines, line => line.Contains("waiting 5 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_allowed_goes_back_to_the_outbox_for_a_later_retry()
    {
        api.On("sendMessage", 429, "error.429.json");

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            Executor(new Dictionary<string, string?> { ["Telegram:MaxRetryAfter"] = "00:00:02" })
                .ExecuteAsync(ActionKinds.TelegramMessage, new TelegramMessagePayload(555001, "hi"), CancellationToken.None));

        Assert.IsNotType<PermanentActionException>(error);
        Assert.Single(api.Bodies("sendMessage"));
    }

    [Fact]
    public async Task Repeated_429_with_retry_after_zero_stop_after_the_configured_retries()
    {
        api.On("sendMessage", 429, "error.429.zero.json");

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            Executor().ExecuteAsync(ActionKinds.TelegramMessage, new TelegramMessagePayload(555001, "hi"), CancellationToken.None));

        // One try and three retries (Telegram:RetryCount = 3), then the outbox owns the retry.
        Assert.IsNotType<PermanentActionException>(error);
        Assert.Equal(4, api.Bodies("sendMessage").Count);
    }

    [Theory]
    [InlineData("error.403.json", "403 Forbidden: bot was blocked by the user")]
    [InlineData("error.400.json", "400 Bad Request: chat not found")]
    public async Task A_blocked_bot_or_missing_chat_is_permanent_and_says_why(string fixture, string reason)
    {
        api.On("sendMessage", fixture == "error.403.json" ? 403 : 400, fixture);

        var error = await Assert.ThrowsAsync<PermanentActionException>(() =>
            Executor().ExecuteAsync(ActionKinds.TelegramMessage, new TelegramMessagePayload(555001, "hi"), CancellationToken.None));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Single(api.Bodies("sendMessage"));
        Assert.DoesNotContain(FakeTelegramApi.Token, error.ToString(), StringComparison.Ordinal);
        logs.AssertNoSecret(FakeTelegramApi.Token);
    }

    [Fact]
    public async Task No_log_line_carries_the_bot_token()
    {
        api.On("sendPhoto", 200, "sendPhoto.ok.json").On("sendMessage", 200, "sendMessage.ok.json");

        await Executor().ExecuteAsync(ActionKinds.TelegramMessage, new TelegramMessagePayload(555001, "hi", [1, 2, 3], "c"), CancellationToken.None);

        Assert.NotEmpty(api.Server.LogEntries);
        logs.AssertNoSecret(FakeTelegramApi.Token);
        logs.AssertNoSecret("TEST-token");
    }
}
