namespace CrmBridge.Core.Model;

/// <summary>A deal (Bitrix24) or lead (amoCRM).</summary>
public sealed record Deal : IRecord
{
    public required CrmRef Ref { get; init; }

    public required string Title { get; init; }

    public CrmRef? Company { get; init; }

    /// <summary>Pipeline id within the CRM account (Bitrix24 category id, amoCRM pipeline id).</summary>
    public required string PipelineId { get; init; }

    /// <summary>Stage id within the pipeline (Bitrix24 STAGE_ID, amoCRM status id).</summary>
    public required string StageId { get; init; }

    public DateTimeOffset? StageEnteredAt { get; init; }

    public decimal Amount { get; init; }

    /// <summary>ISO 4217 code as the CRM reports it (RUB when the CRM does not say).</summary>
    public string Currency { get; init; } = "RUB";

    public string? OwnerId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ModifiedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public DealOutcome Outcome { get; init; }

    /// <summary>The loss reason as the CRM names it (Bitrix24 deal field, amoCRM loss_reason); null when it has none.</summary>
    public string? LossReason { get; init; }

    /// <summary>
    /// The deal's margin (profit) in the deal's currency, read from the configured deal field; null when the CRM keeps
    /// none. ABCDE needs it for E (negative profit) and never guesses it.
    /// </summary>
    public decimal? Margin { get; init; }

    public int ProductsCount { get; init; }

    public bool IsDeleted { get; init; }
}
