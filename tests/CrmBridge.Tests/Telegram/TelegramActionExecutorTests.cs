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

    private static ActionAttempt Message(TelegramMessagePayload payload) => new(ActionKinds.TelegramMessage, "message", payload, MayHaveRun: false);

    [Fact]
    public async Task A_message_is_sent_as_HTML_without_link_previews()
    {
        api.On("sendMessage", 200, "sendMessage.ok.json");

        await Executor().ExecuteAsync(Message(new TelegramMessagePayload(555001, "<b>Сводка</b> &amp; план")), CancellationToken.None);

        var body = JsonDocument.Parse(Assert.Single(api.Bodies("sendMessage"))).RootElement;
        Assert.Equal(555001, body.GetProperty("chat_id").GetInt64());
        Assert.Equal("<b>Сводка</b> &amp; план", body.GetProperty("text").GetString());
        Assert.Equal("HTML", body.GetProperty("parse_mode").GetString(), ignoreCase: true); // Telegram.Bot writes "Html"; the API is case-insensitive.
        Assert.True(body.GetProperty("link_preview_options").GetProperty("is_disabled").GetBoolean());
        api.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task A_chart_is_sent_alone_as_a_photo_with_its_caption()
    {
        api.On("sendPhoto", 200, "sendPhoto.ok.json");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

        await Executor().ExecuteAsync(new ActionAttempt(ActionKinds.TelegramPhoto, "chart", new TelegramPhotoPayload(555001, png, "Воронка"), false), CancellationToken.None);

        var photo = Assert.Single(api.Server.LogEntries).RequestMessage;
        Assert.EndsWith("/sendPhoto", photo.Path, StringComparison.Ordinal);
        Assert.StartsWith("multipart/form-data", photo.Headers!["Content-Type"].Single(), StringComparison.Ordinal);
        var form = System.Text.Encoding.UTF8.GetString(photo.BodyAsBytes ?? []);
        Assert.Contains("name=chat_id\r\n\r\n555001\r\n", form, StringComparison.Ordinal);
        Assert.Contains("name=caption\r\n\r\nВоронка\r\n", form, StringComparison.Ordinal);
        Assert.Contains("filename=\"funnel.png\"", form, StringComparison.Ordinal);
        Assert.True(photo.BodyAsBytes!.AsSpan().IndexOf(png) >= 0, "the PNG bytes travel unchanged");
        api.AssertNoUnexpectedCalls();
    }

    [Fact]
    public async Task A_429_provably_sent_nothing_and_hands_retry_after_to_the_outbox_without_waiting_in_flight()
    {
        api.On("sendMessage", 429, "error.429.json");

        var error = await Assert.ThrowsAsync<ActionNotDoneException>(() => Executor().ExecuteAsync(Message(new TelegramMessagePayload(555001, "hi")), CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(5), error.RetryAfter);
        Assert.Single(api.Bodies("sendMessage"));
        Assert.Contains("wait 5 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_HTML_error_page_from_a_proxy_means_the_message_did_not_go_out()
    {
        api.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("*/sendMessage")))
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody("<html><body>502 Bad Gateway</body></html>"));

        var error = await Assert.ThrowsAsync<ActionNotDoneException>(() => Executor().ExecuteAsync(Message(new TelegramMessagePayload(555001, "hi")), CancellationToken.None));

        Assert.Contains("502", error.Message, StringComparison.Ordinal);
        Assert.Null(error.RetryAfter);
    }

    [Fact]
    public async Task A_connection_cut_after_the_message_was_sent_leaves_its_delivery_unknown()
    {
        api.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("*/sendMessage")))
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithFault(WireMock.ResponseBuilders.FaultType.EMPTY_RESPONSE));

        var error = await Assert.ThrowsAsync<ActionOutcomeUnknownException>(() => Executor().ExecuteAsync(Message(new TelegramMessagePayload(555001, "hi")), CancellationToken.None));

        Assert.Contains("may or may not have arrived", error.Message, StringComparison.Ordinal);
        Assert.Single(api.Bodies("sendMessage"));
        logs.AssertNoSecret(FakeTelegramApi.Token);
    }

    [Theory]
    [InlineData("error.403.json", "403 Forbidden: bot was blocked by the user")]
    [InlineData("error.400.json", "400 Bad Request: chat not found")]
    public async Task A_blocked_bot_or_missing_chat_is_permanent_and_says_why(string fixture, string reason)
    {
        api.On("sendMessage", fixture == "error.403.json" ? 403 : 400, fixture);

        var error = await Assert.ThrowsAsync<PermanentActionException>(() =>
            Executor().ExecuteAsync(Message(new TelegramMessagePayload(555001, "hi")), CancellationToken.None));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Single(api.Bodies("sendMessage"));
        Assert.DoesNotContain(FakeTelegramApi.Token, error.ToString(), StringComparison.Ordinal);
        logs.AssertNoSecret(FakeTelegramApi.Token);
    }

    [Fact]
    public async Task No_log_line_carries_the_bot_token()
    {
        api.On("sendMessage", 200, "sendMessage.ok.json");

        await Executor().ExecuteAsync(Message(new TelegramMessagePayload(555001, "hi")), CancellationToken.None);

        Assert.NotEmpty(api.Server.LogEntries);
        logs.AssertNoSecret(FakeTelegramApi.Token);
        logs.AssertNoSecret("TEST-token");
    }
}
