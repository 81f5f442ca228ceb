namespace CrmBridge.AmoCrm.Api;

/// <summary>PATCH /api/v4/companies item writing custom field values (crm-api.md 2.3: by field_id or field_code).</summary>
internal sealed record AmoCompanyFieldsUpdate(long Id, IReadOnlyList<AmoFieldWrite> CustomFieldsValues);
