namespace CrmBridge.AmoCrm.Api;

/// <summary>One custom field to write: its id or its code (null members are left out), and plain text values.</summary>
internal sealed record AmoFieldWrite(long? FieldId, string? FieldCode, IReadOnlyList<AmoFieldWriteValue> Values);
