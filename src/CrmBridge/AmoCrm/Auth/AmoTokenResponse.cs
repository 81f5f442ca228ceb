namespace CrmBridge.AmoCrm.Auth;

/// <summary>{token_type, expires_in (seconds, 86400), access_token, refresh_token}. ToString hides the tokens.</summary>
internal sealed record AmoTokenResponse(string TokenType, long ExpiresIn, string AccessToken, string RefreshToken)
{
    public override string ToString() => $"AmoTokenResponse {{ ExpiresIn = {ExpiresIn} }}";
}
