namespace CrmBridge.AmoCrm.Auth;

/// <summary>POST /oauth2/access_token body. Holds the client secret and a code or refresh token: ToString hides them.</summary>
internal sealed record AmoTokenRequest(string ClientId, string ClientSecret, string GrantType, string RedirectUri, string? Code, string? RefreshToken)
{
    public static AmoTokenRequest ForCode(AmoCrmOptions options, string code) =>
        new(options.ClientId!, options.ClientSecret!, "authorization_code", options.RedirectUri!, code, null);

    public static AmoTokenRequest ForRefresh(AmoCrmOptions options, string refreshToken) =>
        new(options.ClientId!, options.ClientSecret!, "refresh_token", options.RedirectUri!, null, refreshToken);

    public override string ToString() => $"AmoTokenRequest {{ GrantType = {GrantType} }}";
}
