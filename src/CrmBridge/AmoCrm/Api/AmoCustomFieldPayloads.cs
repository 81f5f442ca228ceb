namespace CrmBridge.AmoCrm.Api;

// Custom field definitions (/api/v4/companies/custom_fields, /api/v4/contacts/custom_fields).

/// <summary>
/// A custom field of an entity: the id settings name it by, the name people see, the type (text, numeric, date,
/// checkbox, select, multitext, legal_entity, ...) and the code of a system field (PHONE, EMAIL, POSITION) or null.
/// </summary>
internal sealed record AmoCustomField(long Id, string Name, string? Type = null, string? Code = null, int? Sort = null, bool? IsApiOnly = null, IReadOnlyList<AmoCustomFieldEnum>? Enums = null);

/// <summary>One option of a select / multiselect / radiobutton field.</summary>
internal sealed record AmoCustomFieldEnum(long Id, string? Value = null, int? Sort = null);
