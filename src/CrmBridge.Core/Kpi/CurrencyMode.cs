namespace CrmBridge.Core.Kpi;

public enum CurrencyMode
{
    /// <summary>Every currency is summed on its own; figures show one amount per currency (the default).</summary>
    KeepApart,

    /// <summary>Amounts are converted to the base currency with configured rates; a currency without a rate stays apart.</summary>
    Convert,
}
