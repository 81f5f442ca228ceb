using CrmBridge.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Dedupe;

internal static class DedupeServiceCollectionExtensions
{
    /// <summary>Dedupe options and the run; needs ICrmStore, connectors, TimeProvider.</summary>
    public static IServiceCollection AddDedupe(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DedupeOptions>().BindConfiguration(DedupeOptions.Section);
        services.AddPeople(configuration);
        services.AddSingleton<DedupeRun>();
        return services;
    }
}
