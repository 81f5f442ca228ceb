namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoUser(long Id, string Name, string? Email = null, AmoUserRights? Rights = null);
