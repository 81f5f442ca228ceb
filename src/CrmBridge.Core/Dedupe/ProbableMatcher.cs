using CrmBridge.Core.Model;

namespace CrmBridge.Core.Dedupe;

/// <summary>
/// Finds probable duplicates of cards that lack a valid INN by bucketing normalized keys (name, phone, e-mail domain):
/// linear in the number of cards, no pair scan. Only keys of cards without a valid INN are kept in memory; cards with a
/// valid INN join a bucket only when its key is already there. Two cards that both have a valid INN never match here.
/// </summary>
internal sealed class ProbableMatcher
{
    /// <summary>A key shared by more cards than this (a switchboard number, a generic name) proves nothing.</summary>
    public const int MaxBucketSize = 25;

    private readonly Dictionary<string, List<int>> _buckets = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<Company> _cards;

    public ProbableMatcher(IReadOnlyList<Company> cards) => _cards = cards;

    public void AddUnproven(int index)
    {
        foreach (var key in Keys(_cards[index]))
        {
            if (!_buckets.TryGetValue(key, out var members))
            {
                _buckets[key] = members = new List<int>(2);
            }

            AddOnce(members, index);
        }
    }

    public void AddProven(int index)
    {
        foreach (var key in Keys(_cards[index]))
        {
            if (_buckets.TryGetValue(key, out var members))
            {
                AddOnce(members, index);
            }
        }
    }

    /// <summary>Groups (buckets with the same cards merged, reasons joined) and one finding per card without a valid INN.</summary>
    public IReadOnlyList<ProbableGroup> Groups(Func<int, bool> isUnproven, DedupeFindings findings, List<Finding> output)
    {
        var bySignature = new Dictionary<string, (List<int> Members, List<string> Reasons)>(StringComparer.Ordinal);
        foreach (var (key, members) in _buckets)
        {
            if (members.Count < 2 || members.Count > MaxBucketSize)
            {
                continue;
            }

            members.Sort();
            var signature = string.Join(',', members);
            if (!bySignature.TryGetValue(signature, out var group))
            {
                bySignature[signature] = group = (members, []);
            }

            group.Reasons.Add(Describe(key));
        }

        var groups = new List<ProbableGroup>(bySignature.Count);
        var perCard = new Dictionary<int, (SortedSet<string> Reasons, SortedSet<int> Matches)>();
        foreach (var (members, reasons) in bySignature.Values.OrderBy(g => g.Members[0]).ThenBy(g => g.Members.Count))
        {
            reasons.Sort(StringComparer.Ordinal);
            groups.Add(new ProbableGroup(reasons, [.. members.Select(i => _cards[i])]));
            foreach (var index in members.Where(isUnproven))
            {
                if (!perCard.TryGetValue(index, out var evidence))
                {
                    perCard[index] = evidence = (new SortedSet<string>(StringComparer.Ordinal), []);
                }

                evidence.Reasons.UnionWith(reasons);
                evidence.Matches.UnionWith(members.Where(m => m != index));
            }
        }

        foreach (var (index, evidence) in perCard.OrderBy(p => p.Key))
        {
            output.Add(findings.Probable(_cards[index], evidence.Reasons, evidence.Matches.Select(m => _cards[m])));
        }

        return groups;
    }

    private static IEnumerable<string> Keys(Company card)
    {
        var name = NameNormalizer.Normalize(card.Title);
        if (name is not null)
        {
            yield return "n\u0001" + name;
        }

        foreach (var phone in card.Phones)
        {
            var normalized = PhoneNormalizer.Normalize(phone);
            if (normalized is not null)
            {
                yield return "p\u0001" + normalized;
            }
        }

        foreach (var email in card.Emails)
        {
            var domain = EmailDomain.CompanyDomain(email);
            if (domain is not null)
            {
                yield return "e\u0001" + domain;
            }
        }
    }

    private static string Describe(string key) => key[0] switch
    {
        'n' => "same name: " + key[2..],
        'p' => "same phone: " + key[2..],
        _ => "same e-mail domain: " + key[2..],
    };

    // A card listing one phone twice must not pair with itself; the last added index is the only candidate.
    private static void AddOnce(List<int> members, int index)
    {
        if (members.Count == 0 || members[^1] != index)
        {
            members.Add(index);
        }
    }
}
