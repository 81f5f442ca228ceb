using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox.Portal;

/// <summary>One company card of the sample portal with everything bound to it, regenerated on demand by index.</summary>
public sealed record PortalCompany
{
    public required int Index { get; init; }

    public required CrmKind Crm { get; init; }

    public required long Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The registry entity behind the card (its own index, or the card it duplicates).</summary>
    public required int LegalIndex { get; init; }

    public required bool SoleTrader { get; init; }

    /// <summary>The INN on the card; null when the card has no requisites.</summary>
    public string? Inn { get; init; }

    public string? Kpp { get; init; }

    /// <summary>
    /// amoCRM only: the INN sits in the plain "ИНН" text field alone, without a legal-entity value, as in accounts
    /// that never used the legal-entity widget. Nothing reads it until AmoCrm:InnFieldId names that field.
    /// </summary>
    public bool InnFieldOnly { get; init; }

    public string? Ogrn { get; init; }

    public required int OwnerUser { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ModifiedAt { get; init; }

    public required string Phone { get; init; }

    public required string Email { get; init; }

    public string? WebSite { get; init; }

    public DateTimeOffset? PostponedUntil { get; init; }

    public string? PostponeReason { get; init; }

    public IReadOnlyList<PortalDeal> Deals { get; init; } = [];

    public IReadOnlyList<PortalActivity> Activities { get; init; } = [];

    public IReadOnlyList<PortalContact> Contacts { get; init; } = [];

    /// <summary>Owner history (served as amoCRM entity_responsible_changed events; Bitrix24 REST keeps none).</summary>
    public IReadOnlyList<PortalOwnerChange> OwnerChanges { get; init; } = [];
}
