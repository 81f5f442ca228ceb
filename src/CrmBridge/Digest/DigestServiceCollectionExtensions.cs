using CrmBridge.Hosting.Scheduling;
using CrmBridge.Kpi;
using CrmBridge.People;
using CrmBridge.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CrmBridge.Digest;

internal static class DigestServiceCollectionExtensions
{
    /// <summary>
    /// KPI settings, the digest builder and runner (also as IDigestWork for the Quartz job). Needs ICrmStore, IOutbox,
    /// PortalTimeZone and TelegramOptions (AddTelegram); bind IDigestFindings to the rules engine to fill the rule sections.
    /// </summary>
    public static IServiceCollection AddDigest(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KpiOptions>().Bind(configuration.GetSection(KpiOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KpiOptions>, KpiOptionsValidator>());
        services.TryAddSingleton<ICardLinks, ConnectorCardLinks>();
        services.TryAddSingleton<IDigestFindings, NoDigestFindings>();
        services.AddPeople(configuration);
        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<DigestRunner>();
        services.AddSingleton<IDigestWork>(provider => provider.GetRequiredService<DigestRunner>());
        return services;
    }
}
