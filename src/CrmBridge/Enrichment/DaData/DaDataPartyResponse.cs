using System.Text.Json.Serialization;

namespace CrmBridge.Enrichment.DaData;

/// <summary>The findById/party envelope: suggestions for the main office and its branches.</summary>
internal sealed record DaDataPartyResponse
{
    [JsonPropertyName("suggestions")]
    public List<DaDataSuggestion> Suggestions { get; init; } = [];
}
