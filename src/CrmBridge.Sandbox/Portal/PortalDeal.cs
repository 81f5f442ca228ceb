namespace CrmBridge.Sandbox.Portal;

/// <summary>A deal (amoCRM lead). Stage is an index into <see cref="PortalPipeline.Stages"/>.</summary>
public sealed record PortalDeal(
    long Id,
    int Slot,
    string Title,
    decimal Amount,
    int OwnerUser,
    DateTimeOffset CreatedAt,
    IReadOnlyList<PortalStageChange> History)
{
    public int Stage => History[^1].Stage;

    public DateTimeOffset MovedAt => History[^1].At;

    public bool IsClosed => PortalPipeline.Stages[Stage].Semantics != CrmBridge.Core.Model.StageSemantics.Open;

    public DateTimeOffset? ClosedAt => IsClosed ? MovedAt : null;

    public DateTimeOffset ModifiedAt => MovedAt;

    /// <summary>The deal's margin in roubles (negative for a deal sold at a loss), served in the margin field.</summary>
    public decimal Margin { get; init; }

    /// <summary>Why a lost deal was lost; null for any other deal.</summary>
    public string? LossReason { get; init; }
}
