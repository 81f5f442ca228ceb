using System.Text.Json.Serialization;

namespace CrmBridge.Enrichment.DaData;

internal sealed record DaDataFindByIdRequest([property: JsonPropertyName("query")] string Query);
