using System.Text.Json;

namespace CrmBridge.AmoCrm.Auth;

/// <summary>The OAuth pair as kept in the Store. The refresh token is single-use, so this is the only copy that matters.</summary>
internal sealed record AmoTokenPair(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt)
{
    public string ToJson() => JsonSerializer.Serialize(this);

    public static AmoTokenPair? FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<AmoTokenPair>(json);

    public bool ExpiresWithin(TimeSpan margin, DateTimeOffset now) => ExpiresAt - margin <= now;

    public override string ToString() => $"AmoTokenPair {{ ExpiresAt = {ExpiresAt:O} }}";
}
