using CrmBridge.AmoCrm.Api;
using CrmBridge.Crm;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace CrmBridge.AmoCrm.Auth;

/// <summary>
/// OAuth2 for amoCRM. Access tokens live 24 h; the refresh token is single-use (a reused one answers 401
/// "Token has been revoked", amocrm/amocrm-api-php#123, #475). So: one refresh at a time, the new pair is written
/// to the Store before anyone uses it, and the Store (not memory) is the truth another process may have updated.
/// </summary>
internal sealed class AmoTokenManager(
    IAmoOAuthApi oauth,
    ICrmStore store,
    IOptions<AmoCrmOptions> options,
    TimeProvider time,
    ILogger<AmoTokenManager> logger) : IAmoAccessTokenSource, IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private AmoTokenPair? _current;

    private AmoCrmOptions Options => options.Value;

    private string StoreKey => StoreKeyFor(Options.Account);

    /// <summary>Where the OAuth pair of an account is kept (`crmbridge status` reads its expiry).</summary>
    public static string StoreKeyFor(string account) => $"amocrm:{account}:oauth-tokens";

    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var pair = Volatile.Read(ref _current) ?? Load();
        if (pair is not null && !pair.ExpiresWithin(Options.TokenRefreshMargin, time.GetUtcNow()))
        {
            Volatile.Write(ref _current, pair);
            return pair.AccessToken;
        }

        return await RefreshAsync(pair?.AccessToken, cancellationToken);
    }

    public Task<string> RenewAsync(string rejectedToken, CancellationToken cancellationToken) =>
        RefreshAsync(rejectedToken, cancellationToken);

    /// <summary>The `crmbridge amocrm-auth --code CODE` exchange: stores a first token pair.</summary>
    public async Task ExchangeCodeAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        EnsureOAuthConfigured();
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var response = await RequestAsync(AmoTokenRequest.ForCode(Options, code.Trim()), isRefresh: false);
            var pair = Save(response);
            AmoCrmLog.Authorized(logger, Options.Account, pair.ExpiresAt);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _refreshing.Dispose();

    private async Task<string> RefreshAsync(string? staleToken, CancellationToken cancellationToken)
    {
        EnsureOAuthConfigured();
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            // Whoever waited here may find the work done: by the caller before it, or by another process.
            var pair = Load() ?? throw new CrmStopException(NotAuthorizedMessage());
            if (pair.AccessToken != staleToken && !pair.ExpiresWithin(Options.TokenRefreshMargin, time.GetUtcNow()))
            {
                Volatile.Write(ref _current, pair);
                return pair.AccessToken;
            }

            var response = await RequestAsync(AmoTokenRequest.ForRefresh(Options, pair.RefreshToken), isRefresh: true);
            var next = Save(response);
            AmoCrmLog.TokenRefreshed(logger, Options.Account, next.ExpiresAt);
            return next.AccessToken;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>
    /// Not cancellable once sent: a refresh the server completed but we stopped listening to
    /// would burn the single-use refresh token with its successor unread.
    /// </summary>
    private async Task<AmoTokenResponse> RequestAsync(AmoTokenRequest request, bool isRefresh)
    {
        try
        {
            return await oauth.RequestTokenAsync(request, CancellationToken.None);
        }
        catch (ApiException exception)
        {
            var problem = AmoProblem.TryParse(exception.Content);
            throw new CrmStopException(RefusedMessage(exception, problem, isRefresh), exception);
        }
    }

    private AmoTokenPair Save(AmoTokenResponse response)
    {
        var pair = new AmoTokenPair(response.AccessToken, response.RefreshToken, time.GetUtcNow().AddSeconds(response.ExpiresIn));

        // Written (and flushed by the Store) before the new access token is used anywhere.
        store.Values.SetSecret(StoreKey, pair.ToJson());
        Volatile.Write(ref _current, pair);
        return pair;
    }

    private AmoTokenPair? Load() => AmoTokenPair.FromJson(store.Values.Get(StoreKey));

    private void EnsureOAuthConfigured()
    {
        if (string.IsNullOrWhiteSpace(Options.ClientId) || string.IsNullOrWhiteSpace(Options.ClientSecret)
            || string.IsNullOrWhiteSpace(Options.RedirectUri))
        {
            throw new CrmStopException(
                "amoCRM OAuth is not configured: set AmoCrm:ClientId, AmoCrm:RedirectUri and CRMBRIDGE_AmoCrm__ClientSecret "
                + "(or use a long-lived AmoCrm:AccessToken).");
        }
    }

    private string NotAuthorizedMessage() =>
        $"amoCRM {Options.Account} is not authorized yet: run `crmbridge amocrm-auth --code CODE` with the authorization code "
        + "from the integration settings (amoCRM > Settings > Integrations > your integration > Keys and scopes).";

    private string RefusedMessage(ApiException exception, AmoProblem? problem, bool isRefresh)
    {
        var server = problem?.Describe() is { Length: > 0 } text ? $" ({text})" : "";
        var status = $"{(int)exception.StatusCode} {exception.StatusCode}";
        if (!isRefresh)
        {
            return $"amoCRM {Options.Account} refused the authorization code: {status}{server}. A code works once and only for "
                + "20 minutes: copy a new one from the integration settings and run `crmbridge amocrm-auth --code NEW_CODE`.";
        }

        var reason = problem?.IsRevokedToken == true
            ? "the refresh token has been revoked (used elsewhere, or the integration was reinstalled)"
            : "the refresh token was not accepted";
        return $"amoCRM {Options.Account} stopped: {reason}: {status}{server}. Sync is paused until an admin copies a new "
            + "authorization code from the integration settings and runs `crmbridge amocrm-auth --code NEW_CODE`.";
    }
}
