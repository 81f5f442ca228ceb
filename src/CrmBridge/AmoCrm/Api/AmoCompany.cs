namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoCompany(
    long Id,
    string Name,
    long? ResponsibleUserId,
    long CreatedAt,
    long UpdatedAt,
    bool? IsDeleted,
    IReadOnlyList<AmoCustomFieldValue>? CustomFieldsValues);
