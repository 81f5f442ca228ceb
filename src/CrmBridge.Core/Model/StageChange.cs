namespace CrmBridge.Core.Model;

/// <summary>A deal moved between stages (Bitrix24 crm.stagehistory.list, amoCRM lead_status_changed).</summary>
public sealed record StageChange : IRecord
{
    public required CrmRef Ref { get; init; }

    public required CrmRef Deal { get; init; }

    public required string PipelineId { get; init; }

    public string? FromStageId { get; init; }

    public required string ToStageId { get; init; }

    public required DateTimeOffset At { get; init; }

    public string? ByUserId { get; init; }

    public DateTimeOffset ModifiedAt => At;
}
