namespace CrmBridge.AmoCrm.Auth;

/// <summary>Where the bearer token for API calls comes from: a long-lived token or the OAuth token manager.</summary>
internal interface IAmoAccessTokenSource
{
    Task<string> GetAccessTokenAsync(CancellationToken cancellationToken);

    /// <summary>The API answered 401 to this token: a fresh one, or a <see cref="Crm.CrmStopException"/>.</summary>
    Task<string> RenewAsync(string rejectedToken, CancellationToken cancellationToken);
}
