namespace CrmBridge.AmoCrm.Api;

// Users (/api/v4/users) with the rights that say whether they are active.

internal sealed record AmoUser(long Id, string Name, string? Email = null, AmoUserRights? Rights = null);

internal sealed record AmoUserRights(bool? IsActive = null, bool? IsAdmin = null);
