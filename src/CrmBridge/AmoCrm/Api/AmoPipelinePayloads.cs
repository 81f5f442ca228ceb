using System.Text.Json.Serialization;

namespace CrmBridge.AmoCrm.Api;

// Pipelines and their statuses (/api/v4/leads/pipelines).

internal sealed record AmoPipeline(
    long Id,
    string Name,
    int? Sort = null,
    bool? IsMain = null,
    bool? IsArchive = null,
    [property: JsonPropertyName("_embedded")] AmoPipelineStatuses? Embedded = null);

internal sealed record AmoPipelineStatuses(IReadOnlyList<AmoStatus>? Statuses = null);

/// <summary>A pipeline status; 142 (won) and 143 (lost) exist in every pipeline.</summary>
internal sealed record AmoStatus(long Id, string Name, int Sort, long PipelineId, int? Type = null)
{
    public const long Won = 142;
    public const long Lost = 143;
}
