namespace CrmBridge.AmoCrm.Api;

// Company updates CrmBridge sends (PATCH /api/v4/companies): owner and custom fields.

internal sealed record AmoCompanyOwnerUpdate(long Id, long ResponsibleUserId);

/// <summary>PATCH /api/v4/companies item writing custom field values (crm-api.md 2.3: by field_id or field_code).</summary>
internal sealed record AmoCompanyFieldsUpdate(long Id, IReadOnlyList<AmoFieldWrite> CustomFieldsValues);

/// <summary>One custom field to write: its id or its code (null members are left out), and plain text values.</summary>
internal sealed record AmoFieldWrite(long? FieldId, string? FieldCode, IReadOnlyList<AmoFieldWriteValue> Values);

internal sealed record AmoFieldWriteValue(string Value);
