namespace CrmBridge.Core.Model;

public enum ActivityKind
{
    Call,
    Meeting,
    Email,
    Proposal,
    Task,
    Note,
}
