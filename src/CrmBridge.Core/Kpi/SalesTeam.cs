using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

/// <summary>The active managers of the base, merged across CRMs by e-mail, and who owns a record.</summary>
public sealed class SalesTeam
{
    private readonly Dictionary<CrmRef, SalesPerson> byUser = [];

    private SalesTeam(IReadOnlyList<SalesPerson> people)
    {
        People = people;
        foreach (var person in people)
        {
            foreach (var user in person.Users)
            {
                byUser[user] = person;
            }
        }
    }

    public IReadOnlyList<SalesPerson> People { get; }

    public static SalesTeam From(IEnumerable<Manager> managers, IReadOnlyCollection<string> excludedKeys)
    {
        ArgumentNullException.ThrowIfNull(managers);
        ArgumentNullException.ThrowIfNull(excludedKeys);
        var people = managers
            .Where(manager => manager.Active)
            .GroupBy(manager => string.IsNullOrWhiteSpace(manager.Email) ? SalesPerson.UserKey(manager.Ref) : manager.Email.Trim().ToLowerInvariant())
            .Select(group => new SalesPerson(
                group.Key,
                group.OrderBy(manager => manager.Ref.Crm).First().Name,
                group.First().Email is { } email && !string.IsNullOrWhiteSpace(email) ? group.Key : null,
                group.Select(manager => manager.Ref).ToList()))
            .Where(person => !person.Keys.Any(key => excludedKeys.Contains(key, StringComparer.OrdinalIgnoreCase)))
            .OrderBy(person => person.Name, StringComparer.CurrentCulture)
            .ToList();
        return new SalesTeam(people);
    }

    /// <summary>The person behind a CRM user id in the same CRM account as the record, or null (not a manager of ours).</summary>
    public SalesPerson? OwnerOf(CrmRef record, string? ownerId)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.IsNullOrEmpty(ownerId) ? null : byUser.GetValueOrDefault(record.Sibling(ownerId));
    }
}
