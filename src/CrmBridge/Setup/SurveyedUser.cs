using CrmBridge.Core.Model;

namespace CrmBridge.Setup;

/// <summary>
/// A CRM user as setup saw it: who, whether active, and the two numbers that tell a seller from a pool or a robot
/// (cards owned, completed contacts in the last 30 days; null when the CRM could not say).
/// </summary>
internal sealed record SurveyedUser(CrmKind Crm, string Id, string Name, string? Email, bool Active)
{
    public bool IsAdmin { get; init; }

    /// <summary>The Bitrix24 webhook runs as this user (user.current).</summary>
    public bool IsWebhookOwner { get; init; }

    public int? CardsOwned { get; init; }

    public int? Contacts30Days { get; init; }

    /// <summary>How a setting names this user: the e-mail (one entry covers both CRMs) or "bitrix24:7".</summary>
    public string SettingName => !string.IsNullOrWhiteSpace(Email) ? Email.Trim().ToLowerInvariant() : $"{CrmRef.CrmName(Crm)}:{Id}";
}
