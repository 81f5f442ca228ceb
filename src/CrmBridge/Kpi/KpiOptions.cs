namespace CrmBridge.Kpi;

internal sealed class KpiOptions
{
    public const string Section = "Kpi";
}
