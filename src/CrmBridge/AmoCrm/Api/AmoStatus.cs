namespace CrmBridge.AmoCrm.Api;

/// <summary>A pipeline status; 142 (won) and 143 (lost) exist in every pipeline.</summary>
internal sealed record AmoStatus(long Id, string Name, int Sort, long PipelineId, int? Type = null)
{
    public const long Won = 142;
    public const long Lost = 143;
}
