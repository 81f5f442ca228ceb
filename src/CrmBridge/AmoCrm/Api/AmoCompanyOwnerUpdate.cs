namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoCompanyOwnerUpdate(long Id, long ResponsibleUserId);
