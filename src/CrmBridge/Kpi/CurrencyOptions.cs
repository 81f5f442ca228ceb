using CrmBridge.Core.Kpi;

namespace CrmBridge.Kpi;

/// <summary>How two currencies are summed; see <see cref="CurrencyPolicy"/>. Default: kept apart.</summary>
internal sealed class CurrencyOptions
{
    public CurrencyMode Mode { get; set; } = CurrencyMode.KeepApart;

    /// <summary>ISO code the plan is written in and Convert converts to.</summary>
    public string BaseCurrency { get; set; } = "RUB";

    /// <summary>ISO code → units of the base currency per unit (used by Mode=Convert).</summary>
    public Dictionary<string, decimal> Rates { get; set; } = [];
}
