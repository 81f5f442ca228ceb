namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoUserRights(bool? IsActive, bool? IsAdmin);
