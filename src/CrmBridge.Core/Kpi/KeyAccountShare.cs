namespace CrmBridge.Core.Kpi;

/// <summary>A client's share of income (won deals) in one currency.</summary>
public sealed record KeyAccountShare(string ClientName, string? Inn, string Currency, decimal Income, decimal SharePercent)
{
    public KeyAccountLevel Level => SharePercent switch
    {
        > 70m => KeyAccountLevel.MonoClient,
        > 20m => KeyAccountLevel.Critical,
        > 10m => KeyAccountLevel.Key,
        _ => KeyAccountLevel.None,
    };
}
