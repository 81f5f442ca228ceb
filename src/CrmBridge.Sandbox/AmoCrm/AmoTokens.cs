using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CrmBridge.Sandbox.AmoCrm;

/// <summary>
/// OAuth2 as amoCRM does it: the authorization code and every refresh token work once; access tokens live
/// 24 hours; the configured long-lived token always works.
/// </summary>
internal sealed class AmoTokens(SandboxOptions options, TimeProvider time)
{
    public static readonly TimeSpan AccessLifetime = TimeSpan.FromHours(24);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _access = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refresh = new(StringComparer.Ordinal);
    private int _codeUsed;

    public bool IsValidAccess(string token) =>
        token == options.AmoAccessToken || (_access.TryGetValue(token, out var expires) && time.GetUtcNow() < expires);

    /// <summary>Null when the code was already used or is wrong.</summary>
    public (string Access, string Refresh)? ExchangeCode(string code) =>
        code == options.AmoAuthorizationCode && Interlocked.Exchange(ref _codeUsed, 1) == 0 ? Issue() : null;

    /// <summary>Null when the refresh token is unknown or was already used (revoked).</summary>
    public (string Access, string Refresh)? Refresh(string refreshToken) =>
        _refresh.TryUpdate(refreshToken, false, true) ? Issue() : null;

    private (string Access, string Refresh) Issue()
    {
        var access = "acc-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var refresh = "ref-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _access[access] = time.GetUtcNow() + AccessLifetime;
        _refresh[refresh] = true;
        return (access, refresh);
    }
}
