namespace CrmBridge.AmoCrm.Api;

internal sealed record AmoFieldWriteValue(string Value);
