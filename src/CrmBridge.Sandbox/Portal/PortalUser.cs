namespace CrmBridge.Sandbox.Portal;

/// <summary>A person with an account in both CRMs, matched by e-mail.</summary>
public sealed record PortalUser(int Index, PortalUserRole Role, string FirstName, string LastName, string Email, long BitrixId, long AmoId)
{
    public string Name => $"{FirstName} {LastName}";

    public long IdIn(CrmBridge.Core.Model.CrmKind crm) => crm == CrmBridge.Core.Model.CrmKind.Bitrix24 ? BitrixId : AmoId;
}
