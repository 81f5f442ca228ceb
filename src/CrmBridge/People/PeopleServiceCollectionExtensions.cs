using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CrmBridge.People;

internal static class PeopleServiceCollectionExtensions
{
    /// <summary>The People section (validated at start) and its merged view with the old alias keys.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services, IConfiguration configuration)
    {
        // Features that need People call this too; bind once, or lists would be bound twice.
        if (services.Any(service => service.ServiceType == typeof(PeopleConfiguration)))
        {
            return services;
        }

        services.AddOptions<PeopleOptions>().Bind(configuration.GetSection(PeopleOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PeopleOptions>>(new PeopleOptionsValidator(configuration));
        services.AddSingleton<IValidateOptions<PeopleOptions>>(new ReleasePoolValidator(configuration));
        services.TryAddSingleton(_ => new PeopleConfiguration(configuration));
        return services;
    }

    /// <summary>
    /// For `setup`: it proposes the pool, so the start-up check that demands one (Rules:OwnershipMode=Release) would
    /// stop the very verb its message sends the admin to.
    /// </summary>
    public static IServiceCollection WithoutReleasePoolCheck(this IServiceCollection services)
    {
        foreach (var check in services.Where(service => service.ImplementationInstance is ReleasePoolValidator).ToList())
        {
            services.Remove(check);
        }

        return services;
    }
}
