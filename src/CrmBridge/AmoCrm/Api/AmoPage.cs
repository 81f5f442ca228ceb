using System.Text.Json.Serialization;

namespace CrmBridge.AmoCrm.Api;

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
