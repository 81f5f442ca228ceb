using CrmBridge.Core.Model;

namespace CrmBridge.Core.Classification;

/// <summary>
/// The classifier's decision as stored on a company card: the category and the reason for each criterion, when it
/// was decided, and a fingerprint of the registry facts and criteria it was decided on (so a change in either makes
/// it again). Unknown when no criterion failed but the registry did not tell a value a criterion needs.
/// </summary>
public sealed record CategoryDecision(CompanyCategory Category, IReadOnlyList<string> Reasons)
{
    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>See <see cref="CategoryClassifier.Fingerprint"/>; empty for a verdict not yet stored.</summary>
    public string RegistryFingerprint { get; init; } = "";

    /// <summary>
    /// When the card was first classified A; kept across later decisions, so a card re-classified A after a registry
    /// update is not "new category A" twice. Null for a card never classified A.
    /// </summary>
    public DateTimeOffset? FirstAAt { get; init; }

    /// <summary>Equal by value, reasons included: a decision read back from the Store equals the one written.</summary>
    public bool Equals(CategoryDecision? other) =>
        other is not null && Category == other.Category && Reasons.SequenceEqual(other.Reasons) && DecidedAt == other.DecidedAt
        && RegistryFingerprint == other.RegistryFingerprint && FirstAAt == other.FirstAAt;

    public override int GetHashCode() => HashCode.Combine(Category, DecidedAt, RegistryFingerprint, FirstAAt);

    /// <summary>A card's category A/B: Unknown until enrichment decided it.</summary>
    public static CompanyCategory Of(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return company.CategoryDecision?.Category ?? CompanyCategory.Unknown;
    }
}
