using CrmBridge.Bitrix24.Api;
using CrmBridge.Bitrix24.Transport;
using CrmBridge.Crm;
using CrmBridge.Foundation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace CrmBridge.Bitrix24;

internal static class Bitrix24ServiceCollectionExtensions
{
    /// <summary>
    /// Options (validated at start) always; the connector, registered as <see cref="ICrmConnector"/>, only when
    /// Bitrix24:WebhookUrl is set. Needs ICrmStore and PortalTimeZone registrations.
    /// </summary>
    public static IServiceCollection AddBitrix24(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<Bitrix24Options>().BindConfiguration(Bitrix24Options.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Bitrix24Options>, Bitrix24OptionsValidator>());

        var configured = configuration.GetSection(Bitrix24Options.Section).Get<Bitrix24Options>();
        if (configured is not { Enabled: true })
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new Bitrix24Webhook(sp.GetRequiredService<IOptions<Bitrix24Options>>().Value.WebhookUrl!));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<Bitrix24Options>>().Value;
            return new LeakyBucketGate(sp.GetRequiredService<TimeProvider>(), options.EffectiveRequestsPerSecond, options.EffectiveBurst);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<Bitrix24Options>>().Value;
            return new OperatingBudget(sp.GetRequiredService<TimeProvider>(), options.OperatingLimit, options.OperatingSlowdownShare);
        });
        services
            .AddRefitGeneratedClient<IBitrix24Api>(new RefitSettings(new SystemTextJsonContentSerializer(BitrixJson.Options)))
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = sp.GetRequiredService<Bitrix24Webhook>().BaseAddress;
                client.Timeout = sp.GetRequiredService<IOptions<Bitrix24Options>>().Value.Timeout;
            })
            .AddCrmBridgeDefaults();
        // One connector per CRM for the life of the process, as for amoCRM: its rate gate and budget are shared state.
        services.AddSingleton<Bitrix24Transport>();
        services.AddSingleton<Bitrix24Connector>();
        services.AddSingleton<ICrmConnector>(sp => sp.GetRequiredService<Bitrix24Connector>());
        return services;
    }
}
