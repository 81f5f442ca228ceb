namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoEventUser(long Id);
