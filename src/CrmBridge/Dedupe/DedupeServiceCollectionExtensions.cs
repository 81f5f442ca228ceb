using CrmBridge.Notifications;
using CrmBridge.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Dedupe;

internal static class DedupeServiceCollectionExtensions
{
    /// <summary>Dedupe options, the action planner and the run; needs ICrmStore, IOutbox, IChatDirectory, connectors, TimeProvider.</summary>
    public static IServiceCollection AddDedupe(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DedupeOptions>().BindConfiguration(DedupeOptions.Section);
        services.AddSingleton<DuplicateActionPlanner>();
        services.AddPeople(configuration);
        services.AddNotifications(configuration);
        services.AddSingleton<DedupeRun>();
        return services;
    }
}
