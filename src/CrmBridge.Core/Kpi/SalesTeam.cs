using CrmBridge.Core.Model;
using CrmBridge.Core.People;

namespace CrmBridge.Core.Kpi;

/// <summary>The active managers of the base, merged across CRMs by e-mail, and who owns a record.</summary>
public sealed class SalesTeam
{
    // Keyed by the parts of the user's reference: OwnerOf runs for every activity and deal, and a key made of the
    // record's own strings allocates nothing.
    private readonly Dictionary<(CrmKind Crm, string Account, string Id), SalesPerson> byUser = [];

    private SalesTeam(IReadOnlyList<SalesPerson> people)
    {
        People = people;
        foreach (var person in people)
        {
            foreach (var user in person.Users)
            {
                byUser[(user.Crm, user.Account, user.Id)] = person;
            }
        }
    }

    public IReadOnlyList<SalesPerson> People { get; }

    /// <summary>The active users the directory calls managers, one <see cref="SalesPerson"/> per person.</summary>
    public static SalesTeam From(IEnumerable<Manager> managers, PeopleDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(managers);
        ArgumentNullException.ThrowIfNull(directory);
        var people = managers
            .Where(manager => manager.Active && directory.IsManager(manager.Ref))
            .GroupBy(manager => directory.PersonKey(manager.Ref), StringComparer.OrdinalIgnoreCase)
            .Select(group => new SalesPerson(
                group.Key,
                group.OrderBy(manager => manager.Ref.Crm).First().Name,
                directory.PersonOf(group.First().Ref)?.Email,
                group.Select(manager => manager.Ref).ToList()))
            .OrderBy(person => person.Name, StringComparer.CurrentCulture)
            .ToList();
        return new SalesTeam(people);
    }

    /// <summary>The person behind a CRM user id in the same CRM account as the record, or null (not a manager of ours).</summary>
    public SalesPerson? OwnerOf(CrmRef record, string? ownerId)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.IsNullOrEmpty(ownerId) ? null : byUser.GetValueOrDefault((record.Crm, record.Account, ownerId));
    }
}
