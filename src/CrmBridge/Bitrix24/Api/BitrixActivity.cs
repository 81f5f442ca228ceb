using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

/// <summary>crm.activity.list row: TYPE_ID 1 meeting, 2 call, 3 task, 4 e-mail, 6 provider; DIRECTION 1 in, 2 out.</summary>
internal sealed record BitrixActivity
{
    [JsonPropertyName("ID")] public string? Id { get; init; }

    [JsonPropertyName("TYPE_ID")] public string? TypeId { get; init; }

    [JsonPropertyName("PROVIDER_ID")] public string? ProviderId { get; init; }

    [JsonPropertyName("DIRECTION")] public string? Direction { get; init; }

    [JsonPropertyName("OWNER_TYPE_ID")] public string? OwnerTypeId { get; init; }

    [JsonPropertyName("OWNER_ID")] public string? OwnerId { get; init; }

    [JsonPropertyName("RESPONSIBLE_ID")] public string? ResponsibleId { get; init; }

    [JsonPropertyName("SUBJECT")] public string? Subject { get; init; }

    [JsonPropertyName("COMPLETED")] public bool Completed { get; init; }

    [JsonPropertyName("START_TIME")] public DateTimeOffset? StartTime { get; init; }

    [JsonPropertyName("CREATED")] public DateTimeOffset? Created { get; init; }

    [JsonPropertyName("LAST_UPDATED")] public DateTimeOffset? LastUpdated { get; init; }
}
