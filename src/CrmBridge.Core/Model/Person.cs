namespace CrmBridge.Core.Model;

/// <summary>A contact person, usually bound to a company.</summary>
public sealed record Person : IRecord
{
    public required CrmRef Ref { get; init; }

    public CrmRef? Company { get; init; }

    public required string Name { get; init; }

    public string? Position { get; init; }

    public bool IsDecisionMaker { get; init; }

    public IReadOnlyList<string> Phones { get; init; } = [];

    public IReadOnlyList<string> Emails { get; init; } = [];

    public string? OwnerId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ModifiedAt { get; init; }

    public bool IsDeleted { get; init; }
}
