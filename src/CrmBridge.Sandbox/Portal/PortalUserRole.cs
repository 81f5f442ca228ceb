namespace CrmBridge.Sandbox.Portal;

public enum PortalUserRole
{
    Admin,
    Pool,
    Manager,
}
