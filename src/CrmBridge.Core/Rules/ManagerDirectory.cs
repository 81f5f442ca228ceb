using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>
/// Who the CRM users are: names, and which users are one person (the same e-mail in both CRMs).
/// The pool user and admins are nobody's manager (domain.md "People").
/// </summary>
public sealed class ManagerDirectory
{
    private readonly Dictionary<CrmRef, Manager> _managers;
    private readonly RuleSettings _settings;

    public ManagerDirectory(IEnumerable<Manager> managers, RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(managers);
        ArgumentNullException.ThrowIfNull(settings);
        _managers = managers.GroupBy(m => m.Ref).ToDictionary(g => g.Key, g => g.Last());
        _settings = settings;
    }

    public bool IsManager(CrmRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !_settings.IsNobodysManager(user.Crm, user.Id);
    }

    /// <summary>One key per person: the lower-cased e-mail when known, else the user's reference.</summary>
    public string PersonKey(CrmRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var email = _managers.GetValueOrDefault(user)?.Email;
        return string.IsNullOrWhiteSpace(email) ? user.Key : email.Trim().ToLowerInvariant();
    }

    public bool SamePerson(CrmRef a, CrmRef b) => PersonKey(a) == PersonKey(b);

    /// <summary>The user's name, or the id when the CRM did not give one.</summary>
    public string NameOf(CrmRef user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _managers.GetValueOrDefault(user)?.Name ?? user.Id;
    }

    /// <summary>The owner of a card as a user reference in the card's CRM account.</summary>
    public static CrmRef? OwnerOf(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return string.IsNullOrEmpty(company.OwnerId) ? null : company.Ref.Sibling(company.OwnerId);
    }

    public static CrmRef? UserOf(CrmRef record, string? userId)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.IsNullOrEmpty(userId) ? null : record.Sibling(userId);
    }
}
