using CrmBridge.Core.Clients;
using CrmBridge.Core.Model;
using CrmBridge.Core.People;

namespace CrmBridge.Core.Kpi;

/// <summary>Plans, norms and field meanings the KPI functions work with (the host maps Kpi:* settings into it).</summary>
public sealed record KpiSettings
{
    /// <summary>The department's amount plan for a calendar month, in the base currency; 0 means no plan.</summary>
    public decimal DepartmentMonthlyPlan { get; init; }

    /// <summary>Manager key (e-mail, or "bitrix24:7" / "amocrm:123" for a user without one) → plan.</summary>
    public IReadOnlyDictionary<string, ManagerPlan> ManagerPlans { get; init; } = new Dictionary<string, ManagerPlan>();

    public WeeklyNorms WeeklyNorms { get; init; } = new();

    public IReadOnlyDictionary<CrmKind, CrmKpiMapping> Mappings { get; init; } = new Dictionary<CrmKind, CrmKpiMapping>();

    /// <summary>Share of a pipeline's open stages (the last ones by sort) that forms the TOP zone when no stage ids are set.</summary>
    public int TopZonePercent { get; init; } = 40;

    public CurrencyPolicy Currency { get; init; } = new();

    /// <summary>Income of won deals over this span decides the key-account shares.</summary>
    public TimeSpan KeyAccountWindow { get; init; } = TimeSpan.FromDays(365);

    /// <summary>Client status and ABCDE thresholds, and the sleeping term the funnels split by.</summary>
    public ClientSettings Clients { get; init; } = new();

    /// <summary>Who is nobody's manager (the pool user, admins, technical users) and who is one person.</summary>
    public PeopleSettings People { get; init; } = PeopleSettings.Empty;

    public CrmKpiMapping MappingFor(CrmKind crm) => Mappings.TryGetValue(crm, out var mapping) ? mapping : CrmKpiMapping.Default;

    public ManagerPlan? PlanFor(SalesPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        // Keys are e-mails or CRM user keys; e-mails are compared without case, like people type them.
        return person.Keys
            .Select(key => ManagerPlans.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value)
            .FirstOrDefault(plan => plan is not null);
    }
}
