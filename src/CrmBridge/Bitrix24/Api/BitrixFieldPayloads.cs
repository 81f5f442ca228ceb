using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

// Field descriptions (crm.company.fields, crm.contact.fields, crm.requisite.fields): {"result":{"CODE":{...}}}.

/// <summary>
/// One field's description. Standard fields carry their name in "title"; user fields (UF_CRM_*) carry the code there
/// and the name people see in "formLabel" / "listLabel" / "filterLabel" (b24restdocs crm-company-fields.md).
/// </summary>
internal sealed record BitrixField
{
    [JsonPropertyName("type")] public string? Type { get; init; }

    [JsonPropertyName("isRequired")] public bool IsRequired { get; init; }

    [JsonPropertyName("isReadOnly")] public bool IsReadOnly { get; init; }

    [JsonPropertyName("isMultiple")] public bool IsMultiple { get; init; }

    [JsonPropertyName("title")] public string? Title { get; init; }

    [JsonPropertyName("formLabel")] public string? FormLabel { get; init; }

    [JsonPropertyName("listLabel")] public string? ListLabel { get; init; }

    [JsonPropertyName("filterLabel")] public string? FilterLabel { get; init; }

    /// <summary>The name a person sees on the card.</summary>
    public string DisplayName(string code) =>
        new[] { FormLabel, ListLabel, FilterLabel, Title }.FirstOrDefault(label => !string.IsNullOrWhiteSpace(label)) ?? code;
}
