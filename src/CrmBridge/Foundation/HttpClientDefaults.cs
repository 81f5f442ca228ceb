using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Foundation;

internal static class HttpClientDefaults
{
    private static readonly ProductInfoHeaderValue UserAgent = new("CrmBridge", typeof(HttpClientDefaults).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");

    /// <summary>
    /// User agent and no HTTP logging: the Bitrix24 webhook secret and the Telegram bot token are part of the URL path,
    /// and the default HttpClient logs print request URLs.
    /// </summary>
    public static IHttpClientBuilder AddCrmBridgeDefaults(this IHttpClientBuilder builder) =>
        builder
            .ConfigureHttpClient(client => client.DefaultRequestHeaders.UserAgent.Add(UserAgent))
            .RemoveAllLoggers();
}
