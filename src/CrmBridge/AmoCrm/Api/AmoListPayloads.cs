using System.Text.Json.Serialization;

namespace CrmBridge.AmoCrm.Api;

// The HAL list envelope of every amoCRM list endpoint, and the links it embeds.

/// <summary>
/// The HAL list envelope: {"_page", "_links": {"self", "next"}, "_embedded": {"companies": [...]}}.
/// There is no total; the last page has no next link, and an empty list is HTTP 204 with no body.
/// </summary>
internal sealed record AmoPage<T>(
    [property: JsonPropertyName("_page")] int? Page = null,
    [property: JsonPropertyName("_links")] AmoLinks? Links = null,
    [property: JsonPropertyName("_embedded")] IReadOnlyDictionary<string, IReadOnlyList<AmoItem<T>>>? Embedded = null)
    where T : class
{
    /// <summary>The one list the envelope embeds (its key is the entity name).</summary>
    public IReadOnlyList<AmoItem<T>> Items => Embedded?.Values.FirstOrDefault() ?? [];
}

/// <summary>One record of a list page: either parsed, or the raw id (when it has one) and why it could not be read.</summary>
[JsonConverter(typeof(AmoItemConverterFactory))]
internal sealed record AmoItem<T>(T? Value, string? RawId, string? Error)
    where T : class;

internal sealed record AmoLinks(AmoLink? Self = null, AmoLink? Next = null);

internal sealed record AmoLink(string? Href = null);

/// <summary>
/// The "_embedded" part of a contact or lead: the companies (and contacts) it is bound to, and a lead's loss reason
/// when the list was asked with=loss_reason (crm-api.md 2.2).
/// </summary>
internal sealed record AmoLinkedEntities(
    IReadOnlyList<AmoEntityLink>? Companies = null,
    IReadOnlyList<AmoEntityLink>? Contacts = null,
    [property: JsonPropertyName("loss_reason")] IReadOnlyList<AmoLossReason>? LossReason = null);

/// <summary>A lead's loss reason as amoCRM embeds it (with=loss_reason): its id and the name people chose.</summary>
internal sealed record AmoLossReason(long Id, string? Name = null);

internal sealed record AmoEntityLink(long Id);
