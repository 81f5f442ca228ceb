namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoEntityLink(long Id);
