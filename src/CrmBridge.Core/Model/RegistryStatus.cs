namespace CrmBridge.Core.Model;

public enum RegistryStatus
{
    Unknown,
    Active,
    Liquidating,
    Liquidated,
    Bankrupt,
    Reorganizing,
}
