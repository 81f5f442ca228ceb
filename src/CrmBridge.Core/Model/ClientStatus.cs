namespace CrmBridge.Core.Model;

/// <summary>Client status by relationship (domain.md section 1).</summary>
public enum ClientStatus
{
    New,
    OneOff,
    Regular,
    Partner,
    Vip,
    Reactivated,
}
