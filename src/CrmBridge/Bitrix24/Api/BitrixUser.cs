using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

/// <summary>user.get row; ACTIVE comes as a real boolean here.</summary>
internal sealed record BitrixUser
{
    [JsonPropertyName("ID")] public string? Id { get; init; }

    [JsonPropertyName("ACTIVE")] public bool Active { get; init; }

    [JsonPropertyName("NAME")] public string? Name { get; init; }

    [JsonPropertyName("LAST_NAME")] public string? LastName { get; init; }

    [JsonPropertyName("EMAIL")] public string? Email { get; init; }

    [JsonPropertyName("DATE_REGISTER")] public DateTimeOffset? DateRegister { get; init; }
}
