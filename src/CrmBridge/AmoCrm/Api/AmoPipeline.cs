using System.Text.Json.Serialization;

namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoPipeline(
    long Id,
    string Name,
    int? Sort,
    bool? IsMain,
    bool? IsArchive,
    [property: JsonPropertyName("_embedded")] AmoPipelineStatuses? Embedded);
