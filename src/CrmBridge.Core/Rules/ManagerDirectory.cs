using CrmBridge.Core.Model;
using CrmBridge.Core.People;

namespace CrmBridge.Core.Rules;

/// <summary>
/// The rules' view of <see cref="PeopleDirectory"/>: who is a manager, who is one person, names, and the pool user
/// a released card goes to. Built from the base's users and <see cref="RuleSettings.People"/>.
/// </summary>
public sealed class ManagerDirectory
{
    private readonly PeopleDirectory _people;

    public ManagerDirectory(IEnumerable<Manager> managers, RuleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(managers);
        ArgumentNullException.ThrowIfNull(settings);
        _people = new PeopleDirectory(managers, settings.People);
    }

    public ManagerDirectory(PeopleDirectory people)
    {
        ArgumentNullException.ThrowIfNull(people);
        _people = people;
    }

    public PeopleDirectory Directory => _people;

    public bool IsManager(CrmRef user) => _people.IsManager(user);

    /// <summary>One key per person: the lower-cased e-mail when known, else "crm:id".</summary>
    public string PersonKey(CrmRef user) => _people.PersonKey(user);

    public bool SamePerson(CrmRef a, CrmRef b) => _people.SamePerson(a, b);

    /// <summary>The user's name, or the id when the CRM did not give one.</summary>
    public string NameOf(CrmRef user) => _people.NameOf(user);

    /// <summary>The pool user of the CRM, where a released card goes; null when none is configured.</summary>
    public string? PoolUserId(CrmKind crm) => _people.PoolUserId(crm);

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
