namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoLinks(AmoLink? Self, AmoLink? Next);
