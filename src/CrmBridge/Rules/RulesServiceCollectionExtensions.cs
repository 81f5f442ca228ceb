using CrmBridge.Notifications;
using CrmBridge.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmBridge.Rules;

internal static class RulesServiceCollectionExtensions
{
    /// <summary>
    /// Rules options (validated at start) and the <see cref="RuleStep"/>. The step needs ICrmStore, IOutbox,
    /// ICrmConnector(s), INudgeRenderer, IChatDirectory, PortalTimeZone and TimeProvider from their features.
    /// </summary>
    public static IServiceCollection AddRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RulesOptions>().Bind(configuration.GetSection(RulesOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RulesOptions>, RulesOptionsValidator>();
        services.AddPeople(configuration);
        services.AddNotifications(configuration);
        services.AddSingleton<RuleStep>();
        return services;
    }
}
