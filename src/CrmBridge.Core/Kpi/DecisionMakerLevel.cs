namespace CrmBridge.Core.Kpi;

public enum DecisionMakerLevel
{
    BelowNorm,
    Normal,
    VeryGood,
}
