namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoCompany(
    long Id,
    string Name,
    long CreatedAt,
    long UpdatedAt,
    long? ResponsibleUserId = null,
    bool? IsDeleted = null,
    IReadOnlyList<AmoCustomFieldValue>? CustomFieldsValues = null);
