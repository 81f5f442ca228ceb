namespace CrmBridge.Core.Model;

public enum Direction
{
    None,
    Inbound,
    Outbound,
}
