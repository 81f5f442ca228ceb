using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmBridge.Sandbox;
using CrmBridge.Sandbox.Portal;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.Sandbox;

public class SandboxLimitsTests
{
    private static readonly SamplePortal Portal = SamplePortal.Generate(new SamplePortalSpec { Size = 200 });

    [Fact]
    public async Task The_leaky_bucket_lets_the_burst_through_then_answers_query_limit_exceeded_until_it_drains()
    {
        var time = new FakeTimeProvider(Portal.Clock.Now);
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Portal = Portal, TimeProvider = time }, CancellationToken.None);
        using var http = new HttpClient();
        var url = new Uri(server.Bitrix24WebhookUrl, "user.get.json");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 51; i++)
        {
            using var response = await http.PostAsJsonAsync(url, new { });
            statuses.Add(response.StatusCode);
        }

        using var rejected = await http.PostAsJsonAsync(url, new { });
        var body = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        time.Advance(TimeSpan.FromSeconds(1));
        using var drained = await http.PostAsJsonAsync(url, new { });

        Assert.All(statuses.Take(50), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, statuses[50]);
        Assert.Equal("QUERY_LIMIT_EXCEEDED", body.GetProperty("error").GetString());
        Assert.Equal("Too many requests", body.GetProperty("error_description").GetString());
        Assert.Equal(HttpStatusCode.OK, drained.StatusCode);
        Assert.Equal(2, server.Counters.Rejected(SandboxService.Bitrix24));
    }

    [Fact]
    public async Task AmoCrm_answers_429_past_seven_requests_a_second()
    {
        var time = new FakeTimeProvider(Portal.Clock.Now);
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Portal = Portal, TimeProvider = time }, CancellationToken.None);
        using var http = new HttpClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.AmoCrmBaseUrl, "api/v4/users"));
            request.Headers.Authorization = new("Bearer", server.Options.AmoAccessToken);
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(server.AmoCrmBaseUrl, "api/v4/users"));
        again.Headers.Authorization = new("Bearer", server.Options.AmoAccessToken);
        using var afterSecond = await http.SendAsync(again);

        Assert.All(statuses.Take(7), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[7]);
        Assert.Equal(HttpStatusCode.OK, afterSecond.StatusCode);
    }

    [Fact]
    public async Task Telegram_requests_are_captured_and_an_injected_429_carries_retry_after()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Portal = Portal, RateLimits = false }, CancellationToken.None);
        using var http = new HttpClient();
        var send = new Uri(server.TelegramApiBaseUrl.AbsoluteUri + $"bot{server.Options.TelegramBotToken}/sendMessage");

        using var ok = await http.PostAsJsonAsync(send, new { chat_id = 1001, text = "Сводка за вчера", parse_mode = "HTML" });
        server.InjectTelegramTooManyRequests(1, 35);
        using var limited = await http.PostAsJsonAsync(send, new { chat_id = 1001, text = "Ещё раз" });
        using var wrongToken = await http.PostAsJsonAsync(new Uri(server.TelegramApiBaseUrl.AbsoluteUri + "bot1:wrong/getMe"), new { });

        var sent = await ok.Content.ReadFromJsonAsync<JsonElement>();
        var error = await limited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(sent.GetProperty("ok").GetBoolean());
        Assert.Equal(1001, sent.GetProperty("result").GetProperty("chat").GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(35, error.GetProperty("parameters").GetProperty("retry_after").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        var captured = server.TelegramRequests.First();
        Assert.Equal(("sendMessage", "1001", "Сводка за вчера", "HTML"), (captured.Method, captured.ChatId, captured.Text, captured.ParseMode));
    }

    [Fact]
    public async Task A_photo_sent_as_multipart_is_captured_with_its_caption()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Portal = Portal, RateLimits = false }, CancellationToken.None);
        using var http = new HttpClient();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("1001"), "chat_id" },
            { new StringContent("Воронка"), "caption" },
            { new ByteArrayContent([0x89, 0x50, 0x4E, 0x47]), "photo", "chart.png" },
        };

        using var response = await http.PostAsync(new Uri(server.TelegramApiBaseUrl.AbsoluteUri + $"bot{server.Options.TelegramBotToken}/sendPhoto"), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var captured = Assert.Single(server.TelegramRequests);
        Assert.True(captured.HasFile);
        Assert.Equal("Воронка", captured.Text);
    }

    [Fact]
    public async Task The_registry_reports_planted_liquidated_companies_and_serves_an_html_page()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { Portal = Portal, RateLimits = false }, CancellationToken.None);
        using var http = new HttpClient();
        var liquidated = server.Facts.Liquidated[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.DaDataBaseUrl, "suggestions/api/4_1/rs/findById/party"))
        {
            Content = JsonContent.Create(new { query = liquidated.Inn }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Token " + server.Options.DaDataToken);

        using var response = await http.SendAsync(request);
        var html = await http.GetStringAsync(new Uri(server.RegistryHtmlUrlTemplate.Replace("{inn}", liquidated.Inn, StringComparison.Ordinal)));
        using var unknown = await http.GetAsync(new Uri(server.RegistryHtmlUrlTemplate.Replace("{inn}", "7700000000", StringComparison.Ordinal)));

        var data = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("suggestions")[0].GetProperty("data");
        Assert.Equal("LIQUIDATED", data.GetProperty("state").GetProperty("status").GetString());
        Assert.Equal(liquidated.Inn, data.GetProperty("inn").GetString());
        Assert.Equal(liquidated.Kpp, data.GetProperty("kpp").GetString());
        Assert.Contains("data-status=\"LIQUIDATED\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
