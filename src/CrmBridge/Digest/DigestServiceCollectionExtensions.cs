using CrmBridge.Crm;
using CrmBridge.Kpi;
using CrmBridge.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CrmBridge.Digest;

internal static class DigestServiceCollectionExtensions
{
    /// <summary>
    /// KPI settings, the digest builder and runner. Needs ICrmStore, IOutbox, PortalTimeZone, the chat directory and
    /// TelegramOptions (AddNotifications) and the rules' current findings (AddRules).
    /// </summary>
    public static IServiceCollection AddDigest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KpiOptions>().Bind(configuration.GetSection(KpiOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KpiOptions>, KpiOptionsValidator>());
        services.TryAddSingleton<ICardLinks, ConnectorCardLinks>();
        services.AddPeople(configuration);
        services.AddSingleton(sp => DigestInputs.From(
            sp.GetRequiredService<IOptions<Bitrix24.Bitrix24Options>>().Value,
            sp.GetRequiredService<IOptions<AmoCrm.AmoCrmOptions>>().Value,
            sp.GetRequiredService<IOptions<Enrichment.EnrichmentOptions>>().Value));
        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<DigestRunner>();
        return services;
    }
}
