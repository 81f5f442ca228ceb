using CrmBridge.AmoCrm;
using CrmBridge.Bitrix24;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Setup;

internal static class SetupServiceCollectionExtensions
{
    /// <summary>`crmbridge setup`: the readers of each configured CRM and of the bot. Needs the connectors' clients.</summary>
    public static IServiceCollection AddSetup(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!string.IsNullOrWhiteSpace(configuration[$"{Bitrix24Options.Section}:{nameof(Bitrix24Options.WebhookUrl)}"]))
        {
            services.AddSingleton<Bitrix24SetupReader>();
        }

        if (!string.IsNullOrWhiteSpace(configuration[$"{AmoCrmOptions.Section}:{nameof(AmoCrmOptions.BaseUrl)}"]))
        {
            services.AddSingleton<AmoCrmSetupReader>();
        }

        services.AddSingleton<TelegramSetupReader>();
        services.AddSingleton<SetupRun>();
        return services;
    }
}
