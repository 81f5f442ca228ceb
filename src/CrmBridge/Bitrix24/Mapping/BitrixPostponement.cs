using CrmBridge.Core.Model;

namespace CrmBridge.Bitrix24.Mapping;

/// <summary>
/// What the configured postponement fields of one company say. A field that is not configured, or whose value could
/// not be read, leaves the Store's value alone; a configured field wins, so a cleared date un-postpones the card.
/// </summary>
internal sealed record BitrixPostponement(bool HasUntil, DateTimeOffset? Until, bool HasReason, string? Reason)
{
    public static BitrixPostponement None { get; } = new(false, null, false, null);

    public Company ApplyTo(Company company) => company with
    {
        PostponedUntil = HasUntil ? Until : company.PostponedUntil,
        PostponeReason = HasReason ? Reason : company.PostponeReason,
    };
}
