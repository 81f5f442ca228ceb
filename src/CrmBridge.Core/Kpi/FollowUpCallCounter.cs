using CrmBridge.Core.Model;

namespace CrmBridge.Core.Kpi;

/// <summary>
/// Counts the completed outgoing calls each closing deal got in its span: calls on the deal, or on its company when the
/// call names no deal. All deals are registered first and the activities are read once, instead of once per deal.
/// </summary>
internal sealed class FollowUpCallCounter
{
    private readonly List<(DateTimeOffset From, DateTimeOffset To)> spans = [];
    private readonly Dictionary<CrmRef, List<int>> byDeal = [];
    private readonly Dictionary<CrmRef, List<int>> byCompany = [];

    /// <summary>Registers a deal's span [from, to) and returns its slot in the array <see cref="Count"/> returns.</summary>
    public int Add(Deal deal, DateTimeOffset from, DateTimeOffset to)
    {
        var slot = spans.Count;
        spans.Add((from, to));
        SlotsOf(byDeal, deal.Ref).Add(slot);
        if (deal.Company is not null)
        {
            SlotsOf(byCompany, deal.Company).Add(slot);
        }

        return slot;
    }

    public int[] Count(IEnumerable<Activity> activities)
    {
        var counts = new int[spans.Count];
        if (spans.Count == 0)
        {
            return counts;
        }

        // A call outside every span counts for none: checked before the lookups, since most calls of a base are old.
        var earliest = DateTimeOffset.MaxValue;
        var latest = DateTimeOffset.MinValue;
        foreach (var (from, to) in spans)
        {
            earliest = from < earliest ? from : earliest;
            latest = to > latest ? to : latest;
        }

        foreach (var activity in activities)
        {
            if (activity.IsDeleted || !activity.Completed || activity.Kind != ActivityKind.Call || activity.Direction != Direction.Outbound
                || activity.At < earliest || activity.At >= latest)
            {
                continue;
            }

            var slots = activity.Deal is not null ? byDeal.GetValueOrDefault(activity.Deal)
                : activity.Company is not null ? byCompany.GetValueOrDefault(activity.Company)
                : null;
            if (slots is null)
            {
                continue;
            }

            foreach (var slot in slots)
            {
                if (activity.At >= spans[slot].From && activity.At < spans[slot].To)
                {
                    counts[slot]++;
                }
            }
        }

        return counts;
    }

    private static List<int> SlotsOf(Dictionary<CrmRef, List<int>> index, CrmRef key)
    {
        if (!index.TryGetValue(key, out var slots))
        {
            index[key] = slots = [];
        }

        return slots;
    }
}
