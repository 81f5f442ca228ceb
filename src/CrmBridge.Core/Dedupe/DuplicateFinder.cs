using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;

namespace CrmBridge.Core.Dedupe;

/// <summary>
/// Dedupes company cards from every CRM (domain.md section 1): groups by valid INN with a deterministic master,
/// branches by KPP, unverified INNs, and probable duplicates of cards without a valid INN. Pure and linear:
/// dictionary grouping only, so a million cards take seconds.
/// </summary>
public static class DuplicateFinder
{
    /// <param name="companies">Cards of all CRMs; deleted cards are ignored.</param>
    /// <param name="now">Stamps the findings; its ISO week in <paramref name="zone"/> is their period.</param>
    /// <param name="ownerIdentity">
    /// The person behind a card's owner, so that one manager working in both CRMs is not a conflict with himself.
    /// Defaults to the CRM account and user id.
    /// </param>
    /// <param name="zone">The portal's time zone, which decides the week; null is UTC.</param>
    public static DedupeResult Find(
        IEnumerable<Company> companies, DateTimeOffset now, Func<Company, string?>? ownerIdentity = null, TimeZoneInfo? zone = null)
    {
        ArgumentNullException.ThrowIfNull(companies);
        var cards = companies.Where(c => !c.IsDeleted).ToArray();
        var findings = new DedupeFindings(now, new PortalCalendar(zone ?? TimeZoneInfo.Utc), ownerIdentity ?? DefaultOwnerIdentity);
        var output = new List<Finding>();

        var firstByInn = new Dictionary<string, int>(cards.Length, StringComparer.Ordinal);
        var repeated = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var proven = new bool[cards.Length];
        var unverified = new List<Company>();
        var matcher = new ProbableMatcher(cards);

        for (var i = 0; i < cards.Length; i++)
        {
            var rawInn = CardIdentity.Of(cards[i]).RawInn;
            switch (InnKey.Check(rawInn, out var inn, out var error))
            {
                case InnCheck.Valid:
                    proven[i] = true;
                    if (!firstByInn.TryAdd(inn, i))
                    {
                        if (!repeated.TryGetValue(inn, out var indexes))
                        {
                            repeated[inn] = indexes = [firstByInn[inn]];
                        }

                        indexes.Add(i);
                    }

                    break;
                case InnCheck.Invalid:
                    unverified.Add(cards[i]);
                    output.Add(findings.InvalidInn(cards[i], rawInn!, error));
                    matcher.AddUnproven(i);
                    break;
                default:
                    matcher.AddUnproven(i);
                    break;
            }
        }

        var groups = new List<InnGroup>(repeated.Count);
        foreach (var (inn, indexes) in repeated.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            groups.Add(InnGroupBuilder.Build(inn, [.. indexes.Select(i => cards[i])], findings, output));
        }

        for (var i = 0; i < cards.Length; i++)
        {
            if (proven[i])
            {
                matcher.AddProven(i);
            }
        }

        var probable = matcher.Groups(i => !proven[i], findings, output);
        return new DedupeResult { InnGroups = groups, ProbableGroups = probable, Unverified = unverified, Findings = output };
    }

    private static string? DefaultOwnerIdentity(Company card) =>
        string.IsNullOrWhiteSpace(card.OwnerId) ? null : card.Ref.Sibling(card.OwnerId).Key;
}
