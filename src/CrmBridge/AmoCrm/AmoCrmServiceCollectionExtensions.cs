using CrmBridge.AmoCrm.Api;
using CrmBridge.AmoCrm.Auth;
using CrmBridge.Crm;
using CrmBridge.Foundation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using Refit;

namespace CrmBridge.AmoCrm;

internal static class AmoCrmServiceCollectionExtensions
{
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

        // Outermost to innermost: bearer token and 401 renewal, retries (429, transient reads), the rate gate
        // (so that every retry waits for its turn too).
        var api = services.AddRefitGeneratedClient<IAmoCrmApi>(refit)
            .ConfigureHttpClient((sp, client) => client.BaseAddress = Options(sp).BaseUri)
            .AddHttpMessageHandler<AmoAuthHandler>();
        api.AddResilienceHandler("amocrm", (pipeline, context) =>
            pipeline.AddRetry(AmoRetryPolicy.Create(Options(context.ServiceProvider))));
        api.AddHttpMessageHandler<AmoRateGateHandler>()
            .AddCrmBridgeDefaults();

        services.AddSingleton<AmoCrmConnector>();
        services.AddSingleton<ICrmConnector>(sp => sp.GetRequiredService<AmoCrmConnector>());
        return services;
    }

    private static AmoCrmOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AmoCrmOptions>>().Value;
}
