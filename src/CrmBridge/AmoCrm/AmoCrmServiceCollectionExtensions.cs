using CrmBridge.AmoCrm.Api;
using CrmBridge.AmoCrm.Auth;
using CrmBridge.Crm;
using CrmBridge.Crm.Retry;
using CrmBridge.Foundation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace CrmBridge.AmoCrm;

internal static class AmoCrmServiceCollectionExtensions
{
    /// <summary>The service key of amoCRM's <see cref="CrmTickGate"/> (each CRM has its own).</summary>
    public const string Key = "amoCRM";

    /// <summary>
    /// Options (validated at start) always; the clients and the connector (as <see cref="ICrmConnector"/>) only when
    /// AmoCrm:BaseUrl is set. Needs <see cref="Storage.ICrmStore"/> (Store) and <see cref="Foundation.PortalTimeZone"/> registrations.
    /// </summary>
    public static IServiceCollection AddAmoCrm(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AmoCrmOptions>().BindConfiguration(AmoCrmOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AmoCrmOptions>, AmoCrmOptionsValidator>());
        if (string.IsNullOrWhiteSpace(configuration.GetSection(AmoCrmOptions.Section)[nameof(AmoCrmOptions.BaseUrl)]))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new AmoRateGate(Options(sp).RequestsPerSecond, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AmoTokenManager>();
        services.AddSingleton<IAmoAccessTokenSource>(sp => Options(sp).UsesLongLivedToken
            ? ActivatorUtilities.CreateInstance<AmoLongLivedToken>(sp)
            : sp.GetRequiredService<AmoTokenManager>());
        services.AddTransient<AmoAuthHandler>();
        services.AddTransient<AmoRateGateHandler>();

        var refit = new RefitSettings(new SystemTextJsonContentSerializer(AmoJson.Options));
        services.AddRefitGeneratedClient<IAmoOAuthApi>(refit)
            .ConfigureHttpClient((sp, client) => client.BaseAddress = Options(sp).BaseUri)
            .AddHttpMessageHandler<AmoRateGateHandler>()
            .AddCrmBridgeDefaults();

        // Outermost to innermost: bearer token and 401 renewal, the tick's stop and retry budget, retries (429,
        // transient reads), the rate gate (so that every retry waits for its turn too).
        services.AddKeyedSingleton(Key, (sp, _) => new CrmTickGate("amoCRM", Options(sp).RetryBudgetPerTick));
        services.AddKeyedSingleton<ICrmFaultRule, AmoFaultRule>(Key);
        var api = services.AddRefitGeneratedClient<IAmoCrmApi>(refit)
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = Options(sp).BaseUri;

                // Each attempt has its own timeout inside the retry; the tick's cancellation bounds the whole call.
                client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<AmoAuthHandler>()
            .AddHttpMessageHandler(sp => new CrmRetryHandler(
                sp.GetRequiredKeyedService<CrmTickGate>(Key), sp.GetRequiredKeyedService<ICrmFaultRule>(Key), RetryLogger(sp)));
        api.AddResilienceHandler("amocrm", (pipeline, context) =>
        {
            var sp = context.ServiceProvider;
            pipeline.AddCrmRetry(
                new CrmRetrySettings(Options(sp).MaxRetries, Options(sp).RetryDelay, Options(sp).Timeout),
                sp.GetRequiredKeyedService<ICrmFaultRule>(Key),
                sp.GetRequiredKeyedService<CrmTickGate>(Key),
                sp.GetRequiredService<TimeProvider>(),
                RetryLogger(sp));
        });
        api.AddHttpMessageHandler<AmoRateGateHandler>()
            .AddCrmBridgeDefaults();

        services.AddSingleton<AmoCrmConnector>();
        services.AddSingleton<ICrmConnector>(sp => sp.GetRequiredService<AmoCrmConnector>());
        return services;
    }

    private static AmoCrmOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AmoCrmOptions>>().Value;

    private static ILogger RetryLogger(IServiceProvider services) =>
        services.GetRequiredService<ILoggerFactory>().CreateLogger(CrmRetryLog.Category);
}
