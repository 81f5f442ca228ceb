namespace CrmBridge.Sandbox.Portal;

public enum PortalUserRole
{
    Admin,
    Pool,
    Manager,

    /// <summary>An integration user (1C exchange): owns cards, never calls.</summary>
    Technical,
}
