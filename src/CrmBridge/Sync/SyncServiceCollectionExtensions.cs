using CrmBridge.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Sync;

internal static class SyncServiceCollectionExtensions
{
    public static IServiceCollection AddSync(this IServiceCollection services)
    {
        services.AddSingleton<SyncCycle>();
        services.AddSingleton<IActionExecutor, CrmActionExecutor>();
        return services;
    }
}
