namespace CrmBridge.Core.Model;

/// <summary>
/// One set of legal details of a company as the CRM keeps it. Values are kept raw (as typed in the CRM)
/// so that a broken INN can be reported, not silently dropped.
/// </summary>
public sealed record Requisite(string? Inn, string? Kpp, string? Ogrn, string? Name = null);
