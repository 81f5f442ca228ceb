using System.Text.Json.Serialization;

namespace CrmBridge.AmoCrm.Api;

/// <summary>
/// The "_embedded" part of a contact or lead: the companies (and contacts) it is bound to, and a lead's loss reason
/// when the list was asked with=loss_reason (crm-api.md 2.2).
/// </summary>
internal sealed record AmoLinkedEntities(
    IReadOnlyList<AmoEntityLink>? Companies = null,
    IReadOnlyList<AmoEntityLink>? Contacts = null,
    [property: JsonPropertyName("loss_reason")] IReadOnlyList<AmoLossReason>? LossReason = null);
