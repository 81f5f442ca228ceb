namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoLinks(AmoLink? Self = null, AmoLink? Next = null);
