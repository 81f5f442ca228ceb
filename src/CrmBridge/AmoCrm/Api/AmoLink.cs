namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoLink(string? Href = null);
