namespace CrmBridge.Core.Model;

/// <summary>A company changed hands (amoCRM entity_responsible_changed, or CrmBridge saw the owner change).</summary>
public sealed record OwnerChange : IRecord
{
    public required CrmRef Ref { get; init; }

    public required CrmRef Company { get; init; }

    public string? FromOwnerId { get; init; }

    public required string ToOwnerId { get; init; }

    public required DateTimeOffset At { get; init; }

    public DateTimeOffset ModifiedAt => At;
}
