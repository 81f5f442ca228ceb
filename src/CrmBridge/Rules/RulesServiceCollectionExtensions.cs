using CrmBridge.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmBridge.Rules;

internal static class RulesServiceCollectionExtensions
{
    /// <summary>
    /// Rules options (validated at start), the <see cref="RuleStep"/> and the queries over it (current findings for the
    /// digest, /callable for the bot). The step needs ICrmStore, PortalTimeZone and TimeProvider from their features.
    /// </summary>
    public static IServiceCollection AddRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RulesOptions>().Bind(configuration.GetSection(RulesOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RulesOptions>, RulesOptionsValidator>();
        services.AddPeople(configuration);
        services.AddSingleton<RuleStep>();
        services.AddSingleton<ICurrentFindings, CurrentFindings>();
        services.AddSingleton<ICallableQuery, RuleCallableQuery>();
        return services;
    }
}
