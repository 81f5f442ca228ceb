using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace CrmBridge.Enrichment.DaData;

/// <summary>Adds "Authorization: Token KEY" to every DaData request.</summary>
internal sealed class DaDataTokenHandler(IOptions<EnrichmentOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", options.Value.DaData.Token);
        return base.SendAsync(request, cancellationToken);
    }
}
