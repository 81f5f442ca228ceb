using CrmBridge.Core.Model;

namespace CrmBridge.Core.Dedupe;

/// <summary>
/// Turns the cards of one INN into a group: the master, its duplicates, and branches (same INN, another KPP) each with
/// their own duplicates. A card without a KPP cannot be told apart from the head office, so it counts as a duplicate.
/// </summary>
internal static class InnGroupBuilder
{
    public static InnGroup Build(string inn, IReadOnlyList<Company> cards, DedupeFindings findings, List<Finding> output)
    {
        var (master, masterReason) = MasterSelector.Choose(cards);
        var byKpp = SplitByKpp(cards);
        var masterKpp = CardIdentity.Of(master).Kpp;
        var mainKpp = masterKpp ?? BestKpp(byKpp);

        var members = new List<DedupeMember> { new(master, DedupeRole.Master, masterKpp, null, masterReason) };
        var main = cards.Where(c => !ReferenceEquals(c, master) && (byKpp.Count <= 1 || IsMain(c, mainKpp)));
        AddDuplicates(inn, main, master, masterReason, findings, members, output);

        foreach (var (kpp, branchCards) in byKpp.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (byKpp.Count <= 1 || kpp == mainKpp)
            {
                continue;
            }

            var (head, headReason) = MasterSelector.Choose(branchCards);
            var branch = new DedupeMember(head, DedupeRole.Branch, kpp, master.Ref, $"branch: KPP {kpp}");
            members.Add(branch);
            output.Add(findings.Branch(inn, branch, master, masterKpp));
            AddDuplicates(inn, branchCards.Where(c => !ReferenceEquals(c, head)), head, headReason, findings, members, output);
        }

        var owners = members.Select(m => findings.OwnerIdentity(m.Card)).Where(o => o.Length > 0).Distinct().Count();
        return new InnGroup { Inn = inn, Master = master, MasterReason = masterReason, Members = members, HasOwnerConflict = owners > 1 };
    }

    private static void AddDuplicates(
        string inn, IEnumerable<Company> cards, Company head, string reason, DedupeFindings findings, List<DedupeMember> members, List<Finding> output)
    {
        foreach (var card in cards.OrderBy(c => c.Ref.Key, StringComparer.Ordinal))
        {
            var member = new DedupeMember(card, DedupeRole.Duplicate, CardIdentity.Of(card).Kpp, head.Ref, reason);
            members.Add(member);
            output.Add(findings.Duplicate(inn, member, head));
        }
    }

    /// <summary>Cards with a KPP, by KPP; cards without one are left to the head office.</summary>
    private static Dictionary<string, List<Company>> SplitByKpp(IReadOnlyList<Company> cards)
    {
        var byKpp = new Dictionary<string, List<Company>>(StringComparer.Ordinal);
        foreach (var card in cards)
        {
            var kpp = CardIdentity.Of(card).Kpp;
            if (kpp is null)
            {
                continue;
            }

            if (!byKpp.TryGetValue(kpp, out var list))
            {
                byKpp[kpp] = list = [];
            }

            list.Add(card);
        }

        return byKpp;
    }

    private static bool IsMain(Company card, string? mainKpp)
    {
        var kpp = CardIdentity.Of(card).Kpp;
        return kpp is null || kpp == mainKpp;
    }

    /// <summary>When the master has no KPP, the head office is the KPP whose best card would win the group.</summary>
    private static string? BestKpp(Dictionary<string, List<Company>> byKpp)
    {
        string? best = null;
        Company? bestCard = null;
        foreach (var (kpp, cards) in byKpp)
        {
            var (head, _) = MasterSelector.Choose(cards);
            if (bestCard is null || MasterSelector.Compare(head, CardCompleteness.Score(head), bestCard, CardCompleteness.Score(bestCard)) < 0)
            {
                (best, bestCard) = (kpp, head);
            }
        }

        return best;
    }
}
