namespace CrmBridge.Core.Model;

/// <summary>A CRM user. The same person in both CRMs is matched by e-mail.</summary>
public sealed record Manager : IRecord
{
    public required CrmRef Ref { get; init; }

    public required string Name { get; init; }

    public string? Email { get; init; }

    public bool Active { get; init; } = true;

    public required DateTimeOffset ModifiedAt { get; init; }
}
