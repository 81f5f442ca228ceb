using CrmBridge.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CrmBridge.Notifications;

internal static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Telegram options (validated at start), the chat directory, the nudge renderer, and the notifiers that turn rule
    /// and duplicate findings into outbox actions. The notifiers need the rules and dedupe steps (AddRules, AddDedupe),
    /// ICrmStore, IOutbox, the connectors and PortalTimeZone from their features.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(service => service.ServiceType == typeof(NotificationBatcher)))
        {
            return services;
        }

        services.AddOptions<NotificationsOptions>().Bind(configuration.GetSection(NotificationsOptions.Section))
            .Validate(options => options.SummaryThreshold >= 0, "Notifications:SummaryThreshold: must be 0 or more")
            .Validate(options => options.SummaryTopItems >= 0, "Notifications:SummaryTopItems: must be 0 or more")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<NotificationBatcher>();
        services.AddPeople(configuration);
        services.TryAddSingleton<PeopleDirectorySource>();
        services.TryAddSingleton<ManagerLinkStore>();
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.AddSingleton<IValidateOptions<TelegramOptions>>(new ChatIdSettingsValidator(configuration));
        services.TryAddSingleton<ChatDirectory>();
        services.TryAddSingleton<IChatDirectory>(provider => provider.GetRequiredService<ChatDirectory>());
        services.TryAddSingleton<INudgeRenderer, NudgeRenderer>();
        services.TryAddSingleton<DuplicateActionPlanner>();
        services.TryAddSingleton<DuplicateNotifier>();
        services.TryAddSingleton<RuleNotifier>();
        return services;
    }
}
