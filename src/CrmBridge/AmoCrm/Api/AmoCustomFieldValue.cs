using System.Text.Json;

namespace CrmBridge.AmoCrm.Api;

/// <summary>
/// One entry of custom_fields_values. Values stay raw JSON: their shape depends on the field type
/// (text, multitext with enum_code, legal_entity objects), and a broken value must not lose the record.
/// </summary>
internal sealed record AmoCustomFieldValue(long FieldId, string? FieldName = null, string? FieldCode = null, string? FieldType = null, JsonElement Values = default);
