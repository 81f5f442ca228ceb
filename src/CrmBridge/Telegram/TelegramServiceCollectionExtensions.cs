using CrmBridge.Foundation;
using CrmBridge.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;

namespace CrmBridge.Telegram;

internal static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// The Bot API client, the outbox executor for telegram.message, the command handler and, when
    /// <paramref name="worker"/> is true, the long-polling bot. Options and chats come from AddNotifications; /inn and
    /// /callable read Enrichment and Rules (AddEnrichment, AddRules).
    /// </summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration, bool worker = true)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddHttpClient(TelegramClientFactory.HttpClientName)
            .AddCrmBridgeDefaults()
            .AddResilienceHandler("telegram", pipeline => pipeline.AddRetry(HttpRetries.NeverSent()));
        services.AddSingleton<TelegramClientFactory>();
        services.TryAddSingleton<TelegramRateLimiter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionExecutor, TelegramActionExecutor>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ManagerLinkDialogue>();
        services.AddSingleton<BotCommandHandler>();
        if (worker)
        {
            services.AddHostedService<TelegramBotWorker>();
        }

        return services;
    }
}
