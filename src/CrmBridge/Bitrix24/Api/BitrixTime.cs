using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

/// <summary>
/// The "time" block of every reply. operating = seconds the method has used in the portal's 10-minute window;
/// operating_reset_at = unix time when the oldest minute of that window drops (https://apidocs.bitrix24.com/limits.html).
/// </summary>
internal sealed record BitrixTime
{
    [JsonPropertyName("duration")] public double Duration { get; init; }

    [JsonPropertyName("operating")] public double? Operating { get; init; }

    [JsonPropertyName("operating_reset_at")] public double? OperatingResetAt { get; init; }
}
