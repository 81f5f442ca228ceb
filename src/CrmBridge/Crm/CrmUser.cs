using CrmBridge.Core.Model;

namespace CrmBridge.Crm;

/// <summary>A CRM user named in Telegram:ManagerChats; Crm is null for a bare id that matches any CRM.</summary>
internal sealed record CrmUser(CrmKind? Crm, string UserId)
{
    public bool Matches(CrmRef user) => user.Id == UserId && (Crm is null || Crm == user.Crm);
}
