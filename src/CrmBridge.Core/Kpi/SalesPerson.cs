using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

/// <summary>
/// One person across CRMs: CRM users with the same e-mail are one manager (domain.md section 2, "People").
/// Key is the lower-case e-mail, or the CRM user key ("bitrix24:7") for a user without one.
/// </summary>
public sealed record SalesPerson(string Key, string Name, string? Email, IReadOnlyList<CrmRef> Users)
{
    /// <summary>Every name a plan or setting may use for this person: the e-mail and "crm:userId" per CRM user.</summary>
    public IEnumerable<string> Keys =>
        new[] { Key, Email }.OfType<string>().Concat(Users.Select(UserKey)).Distinct(StringComparer.OrdinalIgnoreCase);

    public static string UserKey(CrmRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return $"{CrmRef.CrmName(user.Crm)}:{user.Id}";
    }
}
