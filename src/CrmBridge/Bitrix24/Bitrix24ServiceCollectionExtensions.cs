using CrmBridge.Bitrix24.Api;
using CrmBridge.Bitrix24.Transport;
using CrmBridge.Crm;
using CrmBridge.Crm.Retry;
using CrmBridge.Foundation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace CrmBridge.Bitrix24;

internal static class Bitrix24ServiceCollectionExtensions
{
    /// <summary>The service key of Bitrix24's <see cref="CrmTickGate"/> (each CRM has its own).</summary>
    public const string Key = "Bitrix24";

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
        services.AddKeyedSingleton(Key, (sp, _) => new CrmTickGate("Bitrix24", Options(sp).RetryBudgetPerTick));
        services.AddKeyedSingleton<ICrmFaultRule>(Key, (sp, _) => new Bitrix24FaultRule(
            sp.GetRequiredService<LeakyBucketGate>(),
            sp.GetRequiredService<OperatingBudget>(),
            sp.GetRequiredService<Bitrix24Webhook>().Host,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<Bitrix24Transport>>()));

        // Outermost to innermost: the tick's stop and budget, the retries (each attempt cut at Bitrix24:Timeout), the
        // leaky bucket (so every retry waits for its turn too).
        var api = services
            .AddRefitGeneratedClient<IBitrix24Api>(new RefitSettings(new SystemTextJsonContentSerializer(BitrixJson.Options)))
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = sp.GetRequiredService<Bitrix24Webhook>().BaseAddress;

                // Each attempt has its own timeout inside the retry; the tick's cancellation bounds the whole call.
                client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(sp => new CrmRetryHandler(
                sp.GetRequiredKeyedService<CrmTickGate>(Key), sp.GetRequiredKeyedService<ICrmFaultRule>(Key), RetryLogger(sp)));
        api.AddResilienceHandler("bitrix24", (pipeline, context) =>
        {
            var sp = context.ServiceProvider;
            var options = Options(sp);
            pipeline.AddCrmRetry(
                new CrmRetrySettings(options.MaxRetries, options.RetryBaseDelay, options.Timeout),
                sp.GetRequiredKeyedService<ICrmFaultRule>(Key),
                sp.GetRequiredKeyedService<CrmTickGate>(Key),
                sp.GetRequiredService<TimeProvider>(),
                RetryLogger(sp));
        });
        api.AddHttpMessageHandler(sp => new LeakyBucketHandler(sp.GetRequiredService<LeakyBucketGate>()))
            .AddCrmBridgeDefaults();

        // One connector per CRM for the life of the process, as for amoCRM: its rate gate and budget are shared state.
        services.AddSingleton<Bitrix24Transport>();
        services.AddSingleton<Bitrix24Connector>();
        services.AddSingleton<ICrmConnector>(sp => sp.GetRequiredService<Bitrix24Connector>());
        return services;
    }

    private static Bitrix24Options Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<Bitrix24Options>>().Value;

    private static ILogger RetryLogger(IServiceProvider services) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger(CrmRetryLog.Category);
}
