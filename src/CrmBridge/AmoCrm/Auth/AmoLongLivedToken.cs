using CrmBridge.Crm;
using Microsoft.Extensions.Options;

namespace CrmBridge.AmoCrm.Auth;

/// <summary>A long-lived token of a private integration: nothing to refresh, a 401 means a new one is needed.</summary>
internal sealed class AmoLongLivedToken(IOptions<AmoCrmOptions> options) : IAmoAccessTokenSource
{
    public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) =>
        Task.FromResult(options.Value.AccessToken ?? throw new CrmStopException("AmoCrm:AccessToken is not set."));

    public Task<string> RenewAsync(string rejectedToken, CancellationToken cancellationToken) =>
        throw new CrmStopException(
            $"amoCRM {options.Value.Account} rejected the long-lived token (401 Unauthorized): it expired or was revoked. "
            + "Create a new long-lived token in the private integration's settings and put it in CRMBRIDGE_AmoCrm__AccessToken.");
}
