using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Foundation;

internal static class HttpClientDefaults
{
    /// <summary>How long a pooled connection lives before it is replaced, so DNS changes of a vendor are picked up.</summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    private static readonly ProductInfoHeaderValue UserAgent = new("CrmBridge", typeof(HttpClientDefaults).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");

    /// <summary>
    /// User agent and no HTTP logging: the Bitrix24 webhook secret and the Telegram bot token are part of the URL path,
    /// and the default HttpClient logs print request URLs.
    /// The typed clients live as long as the singletons that use them (connectors, providers, the bot). The factory's
    /// handler rotation cannot reach a client that is held, so rotation is off and the pooled connections themselves
    /// are recycled instead — the documented pattern for typed clients in long-lived services
    /// (https://learn.microsoft.com/dotnet/core/extensions/httpclient-factory-troubleshooting).
    /// </summary>
    public static IHttpClientBuilder AddCrmBridgeDefaults(this IHttpClientBuilder builder) =>
        builder
            .ConfigureHttpClient(client => client.DefaultRequestHeaders.UserAgent.Add(UserAgent))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = ConnectionLifetime })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
}
