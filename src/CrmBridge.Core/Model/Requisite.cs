namespace CrmBridge.Core.Model;

/// <summary>
/// One set of legal details of a company as the CRM keeps it. Values are kept raw (as typed in the CRM)
/// so that a broken INN can be reported, not silently dropped.
/// </summary>
public sealed record Requisite(string? Inn, string? Kpp, string? Ogrn, string? Name = null)
{
    /// <summary>The requisite's own id in the CRM (Bitrix24 crm.requisite ID), so a changed requisite replaces its old copy.</summary>
    public string? Id { get; init; }

    /// <summary>False for a requisite switched off in the CRM; it is kept but does not give the company its INN.</summary>
    public bool IsActive { get; init; } = true;
}
