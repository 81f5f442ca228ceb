using Refit;

namespace CrmBridge.AmoCrm.Auth;

internal interface IAmoOAuthApi
{
    [Post("/oauth2/access_token")]
    Task<AmoTokenResponse> RequestTokenAsync([Body] AmoTokenRequest request, CancellationToken cancellationToken);
}
