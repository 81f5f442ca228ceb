namespace CrmBridge.Core.Kpi;

/// <summary>Dependency on one client by its share of income (domain.md section 1): &gt;10 % key, &gt;20 % critical, &gt;70 % mono-client.</summary>
public enum KeyAccountLevel
{
    None,
    Key,
    Critical,
    MonoClient,
}
