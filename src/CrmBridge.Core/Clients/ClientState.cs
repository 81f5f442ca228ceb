namespace CrmBridge.Core.Clients;

/// <summary>Where a client stands in the relationship at a moment (see <see cref="ClientHistory.StateAt"/>).</summary>
public enum ClientState
{
    /// <summary>Never bought; may have lost deals, but is still being worked (or was lost too recently to count).</summary>
    Prospect,

    /// <summary>Bought, and has had a won deal or a contact within the sleeping term since.</summary>
    Active,

    /// <summary>Bought once, then a sleeping term passed without a won deal or a contact.</summary>
    Sleeping,

    /// <summary>Never bought, had a closed (lost) deal, then a sleeping term passed without a contact.</summary>
    Lost,
}
