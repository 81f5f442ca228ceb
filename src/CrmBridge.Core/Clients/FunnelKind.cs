namespace CrmBridge.Core.Clients;

/// <summary>
/// The three funnels of domain.md section 1, by the client's state when the deal was created
/// (<see cref="ClientHistory.StateAt"/>): acquisition for a Prospect (never bought), retention for an Active client,
/// reactivation for a Sleeping or Lost one.
/// </summary>
public enum FunnelKind
{
    Acquisition,
    Retention,
    Reactivation,
}
