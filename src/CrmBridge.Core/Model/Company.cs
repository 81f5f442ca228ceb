using CrmBridge.Core.Classification;

namespace CrmBridge.Core.Model;

/// <summary>A company card in one CRM.</summary>
public sealed record Company : IRecord
{
    public required CrmRef Ref { get; init; }

    public required string Title { get; init; }

    /// <summary>The INN as found in the CRM (primary requisite or the configured field), raw.</summary>
    public string? Inn { get; init; }

    public string? Kpp { get; init; }

    public string? Ogrn { get; init; }

    /// <summary>Every requisite the card has; a company with branches keeps them all.</summary>
    public IReadOnlyList<Requisite> Requisites { get; init; } = [];

    /// <summary>The CRM user id of the responsible manager.</summary>
    public string? OwnerId { get; init; }

    /// <summary>When the current owner got the card, if the CRM's history tells (amoCRM events) or CrmBridge saw it change.</summary>
    public DateTimeOffset? OwnerSince { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ModifiedAt { get; init; }

    public IReadOnlyList<string> Phones { get; init; } = [];

    public IReadOnlyList<string> Emails { get; init; } = [];

    public string? WebSite { get; init; }

    /// <summary>Category A/B from measurable criteria, as enrichment last decided it; null until the registry answered.</summary>
    public CategoryDecision? CategoryDecision { get; init; }

    /// <summary>Legacy: the host still copies it from the Store; the core reads <see cref="CategoryDecision"/>.</summary>
    public ClientCategory Category { get; init; }

    public ClientStatus Status { get; init; }

    /// <summary>
    /// The raw value of the CRM field that marks partners and VIPs (configured per CRM); the status settings say which
    /// values mean Partner or VIP. Null when the field is not configured or empty.
    /// </summary>
    public string? StatusFieldValue { get; init; }

    public DateTimeOffset? PostponedUntil { get; init; }

    public string? PostponeReason { get; init; }

    public DateTimeOffset? QuarantinedUntil { get; init; }

    /// <summary>Set by reconciliation when the CRM no longer has the card; the record is kept.</summary>
    public bool IsDeleted { get; init; }
}
