namespace CrmBridge.Core.Model;

/// <summary>A call, meeting, e-mail or other touch bound to a company.</summary>
public sealed record Activity : IRecord
{
    public required CrmRef Ref { get; init; }

    public CrmRef? Company { get; init; }

    public CrmRef? Deal { get; init; }

    public required ActivityKind Kind { get; init; }

    public Direction Direction { get; init; }

    /// <summary>The CRM user id of the manager who made or owns it.</summary>
    public string? OwnerId { get; init; }

    /// <summary>When it happened (Bitrix24 START_TIME, amoCRM note time or task complete_till).</summary>
    public required DateTimeOffset At { get; init; }

    public bool Completed { get; init; }

    public string? Subject { get; init; }

    public required DateTimeOffset ModifiedAt { get; init; }

    public bool IsDeleted { get; init; }
}
