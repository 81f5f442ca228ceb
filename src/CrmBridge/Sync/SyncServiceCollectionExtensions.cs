using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Sync;

internal static class SyncServiceCollectionExtensions
{
    public static IServiceCollection AddSync(this IServiceCollection services)
    {
        services.AddSingleton<SyncCycle>();
        return services;
    }
}
