using System.Text.Json.Serialization;

namespace CrmBridge.Enrichment.DaData;

internal sealed record DaDataSuggestion
{
    [JsonPropertyName("value")]
    public string? Value { get; init; }

    [JsonPropertyName("unrestricted_value")]
    public string? UnrestrictedValue { get; init; }

    [JsonPropertyName("data")]
    public DaDataParty? Data { get; init; }
}
