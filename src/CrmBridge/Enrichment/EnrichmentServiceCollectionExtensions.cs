using System.Text.Json;
using CrmBridge.Enrichment.DaData;
using CrmBridge.Enrichment.Html;
using CrmBridge.Foundation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace CrmBridge.Enrichment;

internal static class EnrichmentServiceCollectionExtensions
{
    /// <summary>
    /// Options, the providers that are configured (DaData when Enrichment:DaData:Token is set, the HTML registry when
    /// Enrichment:Html:ConfigPath is set, in that order), the enrichment step, the review, the `inn` lookup and the /inn query.
    /// Needs ICrmStore and TimeProvider from the composition root.
    /// </summary>
    public static IServiceCollection AddEnrichment(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EnrichmentOptions>().BindConfiguration(EnrichmentOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EnrichmentOptions>, EnrichmentOptionsValidator>();

        var section = configuration.GetSection(EnrichmentOptions.Section);
        if (!string.IsNullOrWhiteSpace(section["DaData:Token"]))
        {
            services.AddTransient<DaDataTokenHandler>();
            var refit = new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)
            {
                NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
                TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
            }));
            services.AddRefitGeneratedClient<IDaDataApi>(refit)
                .ConfigureHttpClient((sp, client) =>
                {
                    var daData = sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value.DaData;
                    client.BaseAddress = new Uri(daData.BaseUrl.TrimEnd('/'));
                    client.Timeout = daData.Timeout;
                })
                .AddHttpMessageHandler<DaDataTokenHandler>()
                .AddCrmBridgeDefaults();
            services.AddSingleton<IEnrichmentProvider, DaDataProvider>();
        }

        if (!string.IsNullOrWhiteSpace(section["Html:ConfigPath"]))
        {
            services.AddSingleton(sp => HtmlRegistryConfig.Load(sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value.Html.ConfigPath!));
            services.AddHttpClient(nameof(HtmlRegistryProvider), (sp, client) =>
                    client.Timeout = sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value.Html.Timeout)
                .AddCrmBridgeDefaults();
            services.AddSingleton<IEnrichmentProvider>(sp => new HtmlRegistryProvider(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(HtmlRegistryProvider)),
                sp.GetRequiredService<HtmlRegistryConfig>(),
                sp.GetRequiredService<ILogger<HtmlRegistryProvider>>()));
        }

        services.AddSingleton<EnrichmentStep>();
        services.AddSingleton(sp => new EnrichmentReview(sp.GetRequiredService<Storage.ICrmStore>().Enrichment, sp.GetRequiredService<IOptions<EnrichmentOptions>>()));
        services.AddSingleton(sp => new InnLookup(
            sp.GetRequiredService<Storage.ICrmStore>().Enrichment,
            sp.GetServices<IEnrichmentProvider>(),
            sp.GetRequiredService<IOptions<EnrichmentOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IInnQuery, EnrichmentInnQuery>();
        return services;
    }
}
