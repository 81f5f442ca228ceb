using CrmBridge.AmoCrm;
using CrmBridge.Bitrix24;
using CrmBridge.Dedupe;
using CrmBridge.Digest;
using CrmBridge.Enrichment;
using CrmBridge.Foundation;
using CrmBridge.Hosting.Scheduling;
using CrmBridge.Hosting.Status;
using CrmBridge.Notifications;
using CrmBridge.Outbox;
using CrmBridge.People;
using CrmBridge.Rules;
using CrmBridge.Setup;
using CrmBridge.Storage;
using CrmBridge.Sync;
using CrmBridge.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrmBridge.Hosting;

internal static class CrmBridgeServiceCollectionExtensions
{
    /// <summary>The composition root: one line per feature.</summary>
    public static IHostApplicationBuilder AddCrmBridge(this IHostApplicationBuilder builder, bool worker)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddCoreOptions(configuration);
        services.AddStorage(configuration);
        services.AddOutbox(configuration);
        services.AddBitrix24(configuration);
        services.AddAmoCrm(configuration);
        services.AddEnrichment(configuration);
        services.AddPeople(configuration);

        // Write-back needs amoCRM's field settings too, so the root checks the pair.
        services.AddSingleton<IValidateOptions<EnrichmentOptions>, WriteBackTargetsValidator>();
        services.AddDedupe(configuration);
        services.AddRules(configuration);
        services.AddNotifications(configuration);
        services.AddTelegram(configuration, worker);
        services.AddDigest(configuration);
        services.AddSync();
        services.AddSetup(configuration);
        services.AddStatus();

        if (worker)
        {
            services.AddScheduling();
        }

        return builder;
    }

    /// <summary>`crmbridge status`, /status in the bot and the snapshot the worker writes after each tick.</summary>
    private static IServiceCollection AddStatus(this IServiceCollection services)
    {

        services.AddSingleton<StatusHealth>();
        services.AddSingleton<StatusReader>();
        services.AddSingleton<StatusSnapshot>();
        services.AddSingleton<IStatusQuery, StatusQuery>();
        return services;
    }

    private static IServiceCollection AddCoreOptions(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<RunOptions>().Bind(configuration).ValidateOnStart();
        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var id = sp.GetRequiredService<IOptions<ScheduleOptions>>().Value.TimeZone;
            return PortalTimeZone.TryFind(id, out var zone)
                ? new PortalTimeZone(zone)
                : throw new ConfigurationException($"{ScheduleOptions.Section}:{nameof(ScheduleOptions.TimeZone)}: '{id}' is not a known time zone");
        });
        return services;
    }
}
