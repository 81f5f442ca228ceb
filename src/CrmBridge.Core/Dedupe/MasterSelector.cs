using CrmBridge.Core.Model;

namespace CrmBridge.Core.Dedupe;

/// <summary>
/// Picks the master of a duplicate group deterministically: the oldest card, then the more complete, then Bitrix24
/// before amoCRM, then the lowest id (numeric when both ids are numbers).
/// </summary>
public static class MasterSelector
{
    /// <summary>The master and the first criterion that set it apart from the runner-up.</summary>
    public static (Company Master, string Reason) Choose(IReadOnlyList<Company> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        if (cards.Count == 0)
        {
            throw new ArgumentException("A group needs at least one card.", nameof(cards));
        }

        var best = cards[0];
        var bestScore = CardCompleteness.Score(best);
        Company? runnerUp = null;
        var runnerUpScore = 0;
        for (var i = 1; i < cards.Count; i++)
        {
            var card = cards[i];
            var score = CardCompleteness.Score(card);
            if (Compare(card, score, best, bestScore) < 0)
            {
                (runnerUp, runnerUpScore) = (best, bestScore);
                (best, bestScore) = (card, score);
            }
            else if (runnerUp is null || Compare(card, score, runnerUp, runnerUpScore) < 0)
            {
                (runnerUp, runnerUpScore) = (card, score);
            }
        }

        return (best, runnerUp is null ? MasterReasons.Oldest : Reason(best, bestScore, runnerUp, runnerUpScore));
    }

    /// <summary>Negative when <paramref name="a"/> makes the better master.</summary>
    internal static int Compare(Company a, int aScore, Company b, int bScore)
    {
        var byAge = a.CreatedAt.CompareTo(b.CreatedAt);
        if (byAge != 0)
        {
            return byAge;
        }

        var byCompleteness = bScore.CompareTo(aScore);
        if (byCompleteness != 0)
        {
            return byCompleteness;
        }

        var byCrm = CrmRank(a.Ref.Crm).CompareTo(CrmRank(b.Ref.Crm));
        if (byCrm != 0)
        {
            return byCrm;
        }

        var byId = CompareIds(a.Ref.Id, b.Ref.Id);
        return byId != 0 ? byId : string.CompareOrdinal(a.Ref.Account, b.Ref.Account);
    }

    /// <summary>Numeric order for digit-only ids of any length ("9" before "10"), ordinal otherwise.</summary>
    internal static int CompareIds(string a, string b)
    {
        if (IsDigits(a) && IsDigits(b))
        {
            var left = a.AsSpan().TrimStart('0');
            var right = b.AsSpan().TrimStart('0');
            return left.Length != right.Length ? left.Length.CompareTo(right.Length) : left.SequenceCompareTo(right);
        }

        return string.CompareOrdinal(a, b);
    }

    private static string Reason(Company master, int masterScore, Company runnerUp, int runnerUpScore)
    {
        if (master.CreatedAt != runnerUp.CreatedAt)
        {
            return MasterReasons.Oldest;
        }

        if (masterScore != runnerUpScore)
        {
            return MasterReasons.MoreComplete;
        }

        return master.Ref.Crm != runnerUp.Ref.Crm ? MasterReasons.Bitrix24First : MasterReasons.LowestId;
    }

    private static int CrmRank(CrmKind crm) => crm == CrmKind.Bitrix24 ? 0 : 1;

    private static bool IsDigits(string value) => value.Length > 0 && value.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;
}
