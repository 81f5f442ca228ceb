namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoUserRights(bool? IsActive = null, bool? IsAdmin = null);
