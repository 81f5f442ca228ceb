using CrmBridge.Sandbox;
using CrmBridge.Sandbox.Portal;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace CrmBridge.Tests.Sandbox;

public class TelegramClientSandboxTests
{
    [Fact]
    public async Task The_real_telegram_client_talks_to_the_sandbox_bot_api()
    {
        await using var server = await SandboxServer.StartAsync(
            new SandboxOptions { Spec = new SamplePortalSpec { Size = 200 }, RateLimits = false }, CancellationToken.None);
        using var http = new HttpClient();
        var bot = new TelegramBotClient(new TelegramBotClientOptions(server.Options.TelegramBotToken, baseUrl: server.TelegramApiBaseUrl.AbsoluteUri.TrimEnd('/')), http);

        var me = await bot.GetMe();
        var message = await bot.SendMessage(1001, "<b>Сводка</b> за вчера", ParseMode.Html);

        Assert.Equal("crmbridge_sandbox_bot", me.Username);
        Assert.Equal(1001, message.Chat.Id);
        var sent = server.TelegramRequests.Single(r => r.Method == "sendMessage");
        Assert.Equal(("1001", "<b>Сводка</b> за вчера"), (sent.ChatId, sent.Text));
        Assert.Equal("HTML", sent.ParseMode, ignoreCase: true);
    }
}
