namespace CrmBridge.Core.Model;

/// <summary>
/// Something a rule found about a subject (usually a company card). Data holds the evidence as plain strings
/// so that reports and messages can show it without knowing the rule.
/// </summary>
public sealed record Finding
{
    public required string Rule { get; init; }

    public required CrmRef Subject { get; init; }

    public string? OwnerId { get; init; }

    public Severity Severity { get; init; }

    public required DateTimeOffset DetectedAt { get; init; }

    /// <summary>The period the finding belongs to (e.g. a date or a week), part of its idempotency key.</summary>
    public string Period { get; init; } = "";

    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();

    /// <summary>Rule, subject and period: a finding that holds for ten ticks acts once.</summary>
    public string Key => $"{Rule}|{Subject.Key}|{Period}";
}
