using System.Net;
using System.Net.Http.Headers;
using CrmBridge.Crm;
using Microsoft.Extensions.Options;

namespace CrmBridge.AmoCrm.Auth;

/// <summary>Adds the bearer token; on a 401 gets a fresh token once and repeats the request once.</summary>
internal sealed class AmoAuthHandler(IAmoAccessTokenSource tokens, IOptions<AmoCrmOptions> options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The body must survive a second send.
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        var token = await tokens.GetAccessTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        var renewed = await tokens.RenewAsync(token, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", renewed);
        response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        throw new CrmStopException(
            $"amoCRM {options.Value.Account} answered 401 Unauthorized even to a freshly issued token: the integration may be "
            + "disabled or its user lost access. Check the integration in amoCRM, then run `crmbridge amocrm-auth --code NEW_CODE`.");
    }
}
