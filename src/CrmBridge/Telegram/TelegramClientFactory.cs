using CrmBridge.Notifications;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace CrmBridge.Telegram;

/// <summary>
/// Creates the bot client on first use, so that a host without Telegram:BotToken still starts. The library's own 429
/// retry is switched off (RetryCount 0): it sleeps on the real clock while the action is in flight; a 429 goes back to
/// the outbox instead, which waits retry_after with the action Pending, on the injected TimeProvider.
/// </summary>
internal sealed class TelegramClientFactory(IHttpClientFactory httpClients, IOptions<TelegramOptions> options)
{
    public const string HttpClientName = "telegram";

    private readonly Lazy<ITelegramBotClient> client = new(() => Build(httpClients, options.Value));

    public bool Enabled => options.Value.Enabled;

    public ITelegramBotClient Client => client.Value;

    private static TelegramBotClient Build(IHttpClientFactory httpClients, TelegramOptions options)
    {
        if (!options.Enabled)
        {
            throw new InvalidOperationException("Telegram is off: Telegram:BotToken is empty.");
        }

        var clientOptions = new TelegramBotClientOptions(options.BotToken!, options.ApiBaseUrl)
        {
            RetryCount = 0,
            RetryThreshold = 0,
        };
        return new TelegramBotClient(clientOptions, httpClients.CreateClient(HttpClientName));
    }
}
