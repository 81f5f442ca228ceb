namespace CrmBridge.Kpi;

/// <summary>
/// CRM user keys as settings spell them. "bitrix24:7" is the canonical form, but ':' separates configuration paths, so
/// appsettings.json and environment variables write "bitrix24.7"; both mean the same user.
/// </summary>
internal static class CrmUserKey
{
    public static string Normalize(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var trimmed = key.Trim();
        foreach (var crm in (string[])["bitrix24", "amocrm"])
        {
            if (trimmed.Length > crm.Length + 1
                && trimmed.StartsWith(crm, StringComparison.OrdinalIgnoreCase)
                && trimmed[crm.Length] is '.' or ':')
            {
                return $"{crm}:{trimmed[(crm.Length + 1)..]}";
            }
        }

        return trimmed;
    }
}
