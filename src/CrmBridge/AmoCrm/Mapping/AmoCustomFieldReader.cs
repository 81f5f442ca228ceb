using System.Globalization;
using System.Text.Json;
using CrmBridge.AmoCrm.Api;
using CrmBridge.Core.Model;

namespace CrmBridge.AmoCrm.Mapping;

/// <summary>
/// Reads custom_fields_values defensively: values are [{"value": ..., "enum_code": ...}], and a legal_entity value is
/// an object with vat_id (INN) and kpp (AMOPHP LegalEntityCustomFieldValueModel). A shape we cannot read is reported, not thrown.
/// </summary>
internal static class AmoCustomFieldReader
{
    public const string LegalEntityType = "legal_entity";

    public static AmoCustomFieldValue? Find(IReadOnlyList<AmoCustomFieldValue>? fields, long? id, string? code)
    {
        if (fields is null || (id is null && string.IsNullOrWhiteSpace(code)))
        {
            return null;
        }

        return fields.FirstOrDefault(f => id is not null
            ? f.FieldId == id
            : string.Equals(f.FieldCode, code, StringComparison.OrdinalIgnoreCase));
    }

    public static IEnumerable<AmoCustomFieldValue> OfCode(IReadOnlyList<AmoCustomFieldValue>? fields, string code) =>
        fields?.Where(f => string.Equals(f.FieldCode, code, StringComparison.OrdinalIgnoreCase)) ?? [];

    /// <summary>Plain values as text; false when the values are not the documented list of {value} objects.</summary>
    public static bool TryReadTexts(AmoCustomFieldValue field, out IReadOnlyList<string> texts)
    {
        var result = new List<string>();
        texts = result;
        foreach (var value in EnumerateValues(field))
        {
            if (value is null)
            {
                return false;
            }

            var text = AsText(value.Value);
            if (text is null)
            {
                return false;
            }

            if (text.Length > 0)
            {
                result.Add(text);
            }
        }

        return field.Values.ValueKind is JsonValueKind.Array or JsonValueKind.Null;
    }

    /// <summary>Each legal-entity value as a requisite; false when a value is not an object.</summary>
    public static bool TryReadLegalEntities(AmoCustomFieldValue field, out IReadOnlyList<Requisite> requisites)
    {
        var result = new List<Requisite>();
        requisites = result;
        foreach (var value in EnumerateValues(field))
        {
            if (value is not { ValueKind: JsonValueKind.Object } entity)
            {
                return false;
            }

            result.Add(new Requisite(
                Inn: Property(entity, "vat_id"),
                Kpp: Property(entity, "kpp"),
                Ogrn: null,
                Name: Property(entity, "name")));
        }

        return field.Values.ValueKind is JsonValueKind.Array or JsonValueKind.Null;
    }

    /// <summary>The "value" member of each entry; null for an entry that is not an object with a value.</summary>
    private static IEnumerable<JsonElement?> EnumerateValues(AmoCustomFieldValue field)
    {
        if (field.Values.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var entry in field.Values.EnumerateArray())
        {
            yield return entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("value", out var value) ? value : null;
        }
    }

    private static string? Property(JsonElement entity, string name) =>
        entity.TryGetProperty(name, out var value) ? NullIfEmpty(AsText(value)) : null;

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Trim(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => bool.TrueString,
        JsonValueKind.False => bool.FalseString,
        JsonValueKind.Null => string.Empty,
        _ => null,
    };

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    public static bool IsTrue(string text) =>
        text is "1" || bool.TryParse(text, out var flag) && flag || text.Equals("Y", StringComparison.OrdinalIgnoreCase)
        || long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number != 0;
}
