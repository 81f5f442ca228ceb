using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CrmBridge.Notifications;

internal static class NotificationsServiceCollectionExtensions
{
    /// <summary>Notifications options (validated at start) and the per-recipient batcher the planners hand messages to.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
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
        return services;
    }
}
