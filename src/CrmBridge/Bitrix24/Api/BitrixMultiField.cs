using System.Text.Json.Serialization;

namespace CrmBridge.Bitrix24.Api;

/// <summary>PHONE / EMAIL / WEB / IM entry: [{"ID":"8303","VALUE_TYPE":"WORK","VALUE":"+1999...","TYPE_ID":"PHONE"}].</summary>
internal sealed record BitrixMultiField(
    [property: JsonPropertyName("ID")] string? Id,
    [property: JsonPropertyName("VALUE_TYPE")] string? ValueType,
    [property: JsonPropertyName("VALUE")] string? Value,
    [property: JsonPropertyName("TYPE_ID")] string? TypeId);
