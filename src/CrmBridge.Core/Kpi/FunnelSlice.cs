namespace CrmBridge.Core.Kpi;

/// <summary>One of the three funnels (see <see cref="Clients.FunnelKind"/>): open deals now, and deals lost in the period.</summary>
public sealed record FunnelSlice(int OpenCount, MoneyBag OpenAmount, int LostCount);
