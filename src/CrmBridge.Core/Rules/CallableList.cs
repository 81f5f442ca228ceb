using CrmBridge.Core.Model;

namespace CrmBridge.Core.Rules;

/// <summary>
/// A manager's working cards split by the cooldown: callable today (longest rested first) and resting (soonest free
/// first). The rest is per client: a contact on any card of the same INN group, in either CRM, counts. Postponed, quarantined and deleted cards are not in the working base and appear in neither list.
/// </summary>
public sealed record CallableList(IReadOnlyList<CallableCompany> Callable, IReadOnlyList<RestingCompany> Resting)
{
    /// <summary>The list for one person, given every CRM user reference that person has (one per CRM account).</summary>
    public static CallableList For(RuleInput input, IReadOnlyCollection<CrmRef> manager)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(manager);
        var callable = new List<CallableCompany>();
        var resting = new List<RestingCompany>();
        foreach (var company in input.LiveCompanies)
        {
            if (ManagerDirectory.OwnerOf(company) is not { } owner || !manager.Contains(owner) || !WorkingBase.IsWorked(company, input))
            {
                continue;
            }

            var last = input.LastContactOf(company);
            var callableFrom = last is null ? input.Today : CooldownRule.RestEnds(input, last, input.SettingsFor(company).CooldownDays);
            if (last is not null && input.Today < callableFrom)
            {
                resting.Add(new RestingCompany(company, last, callableFrom, input.Calendar.StartOf(callableFrom)));
            }
            else
            {
                callable.Add(new CallableCompany(company, last));
            }
        }

        return new CallableList(
            [.. callable.OrderBy(c => c.LastContact?.At ?? DateTimeOffset.MinValue).ThenBy(c => c.Company.Title, StringComparer.Ordinal)],
            [.. resting.OrderBy(r => r.CallableFrom).ThenBy(r => r.Company.Title, StringComparer.Ordinal)]);
    }

    public static CallableList For(
        ClientBase clientBase, IReadOnlyCollection<CrmRef> manager, RuleSettings settings, DateTimeOffset now, TimeZoneInfo timeZone) =>
        For(new RuleInput(clientBase, settings, now, timeZone), manager);
}
