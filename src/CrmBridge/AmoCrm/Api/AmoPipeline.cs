using System.Text.Json.Serialization;

namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoPipeline(
    long Id,
    string Name,
    int? Sort = null,
    bool? IsMain = null,
    bool? IsArchive = null,
    [property: JsonPropertyName("_embedded")] AmoPipelineStatuses? Embedded = null);
