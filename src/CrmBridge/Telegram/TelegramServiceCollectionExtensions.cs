using CrmBridge.Hosting;
using CrmBridge.Outbox;
using CrmBridge.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CrmBridge.Telegram;

internal static class TelegramServiceCollectionExtensions
{
    /// <summary>
    /// Telegram options (validated at start), the chat directory, nudge renderer, the outbox executor for
    /// telegram.message and, when <paramref name="worker"/> is true, the long-polling bot. /inn and /callable answer
    /// once the host binds <see cref="IInnQuery"/> and <see cref="ICallableQuery"/>.
    /// </summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration, bool worker = true)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.AddHttpClient(TelegramClientFactory.HttpClientName).AddCrmBridgeDefaults();
        services.AddSingleton<TelegramClientFactory>();
        services.TryAddSingleton<TelegramRateLimiter>();
        services.AddPeople(configuration);
        services.TryAddSingleton<PeopleDirectorySource>();
        services.TryAddSingleton<ManagerLinkStore>();
        services.AddSingleton<ChatDirectory>();
        services.AddSingleton<IChatDirectory>(provider => provider.GetRequiredService<ChatDirectory>());
        services.AddSingleton<INudgeRenderer, NudgeRenderer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActionExecutor, TelegramActionExecutor>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BotCommandHandler>();
        if (worker)
        {
            services.AddHostedService<TelegramBotWorker>();
        }

        return services;
    }
}
