using CrmBridge.Core.Kpi;

namespace CrmBridge.Kpi;

/// <summary>
/// Plans, norms and KPI field meanings (section "Kpi"). Manager keys are e-mails, or CRM user keys written
/// "bitrix24.7" / "amocrm.123" (':' is the configuration path separator, so it cannot appear inside a key).
/// </summary>
internal sealed class KpiOptions
{
    public const string Section = "Kpi";

    /// <summary>The department's amount plan per calendar month, in Currency:BaseCurrency; 0 = no plan.</summary>
    public decimal DepartmentMonthlyPlan { get; set; }

    /// <summary>Manager key → share of the department plan and daily plan; a manager not listed has no plan.</summary>
    public Dictionary<string, ManagerPlanOptions> Managers { get; set; } = [];

    public WeeklyNormsOptions WeeklyNorms { get; set; } = new();

    public CrmMappingOptions Bitrix24 { get; set; } = new();

    public CrmMappingOptions AmoCrm { get; set; } = new();

    /// <summary>Share of a pipeline's last open stages forming the TOP zone when no TopZoneStageIds are set.</summary>
    public int TopZonePercent { get; set; } = 40;

    public CurrencyOptions Currency { get; set; } = new();

    public ClientsOptions Clients { get; set; } = new();

    /// <summary>Income of won deals over this span decides the key-account shares.</summary>
    public TimeSpan KeyAccountWindow { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Old alias of People:Technical, kept for one release: manager keys that are nobody's manager.</summary>
    public List<string> ExcludedManagers { get; set; } = [];
}
