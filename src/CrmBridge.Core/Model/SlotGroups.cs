namespace CrmBridge.Core.Model;

/// <summary>
/// Records grouped by a reference, each group oldest first, laid out as one array cut into ranges (a group is an
/// <see cref="ArraySegment{T}"/> of it). The group numbers (slots) come from a dictionary several groupings share and
/// only read (so they can be built side by side); a key it lacks gets a slot of this grouping's own. A million
/// companies cost one dictionary and a few arrays, not a dictionary and a list per grouping and company. Within a group
/// the input order is kept for equal moments.
/// </summary>
internal sealed class SlotGroups<T>
{
    private readonly IReadOnlyDictionary<CrmRef, int> _shared;
    private readonly Dictionary<CrmRef, int> _own;
    private readonly T[] _items;
    private readonly int[] _starts;

    private SlotGroups(IReadOnlyDictionary<CrmRef, int> shared, Dictionary<CrmRef, int> own, T[] items, int[] starts)
    {
        _shared = shared;
        _own = own;
        _items = items;
        _starts = starts;
    }

    /// <summary>The group of the key; empty for a key no record had.</summary>
    public ArraySegment<T> Of(CrmRef key) =>
        Of(_shared.TryGetValue(key, out var slot) ? slot : _own.TryGetValue(key, out slot) ? slot : -1);

    /// <summary>The group with the slot; empty for a slot no record had (a negative one included).</summary>
    public ArraySegment<T> Of(int slot) =>
        (uint)slot < (uint)(_starts.Length - 1)
            ? new ArraySegment<T>(_items, _starts[slot], _starts[slot + 1] - _starts[slot])
            : ArraySegment<T>.Empty;

    /// <param name="shared">Slots of the keys most records have (the companies); only read.</param>
    /// <param name="ownKeys">How many keys are expected outside <paramref name="shared"/>, so the dictionary never rehashes.</param>
    public static SlotGroups<T> By<TOrder>(
        IReadOnlyList<T> items, Func<T, CrmRef?> key, Func<T, TOrder> order, IReadOnlyDictionary<CrmRef, int> shared, int ownKeys = 0)
    {
        var own = new Dictionary<CrmRef, int>(ownKeys);
        var slotOf = new int[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (key(items[i]) is not { } k)
            {
                slotOf[i] = -1;
                continue;
            }

            if (!shared.TryGetValue(k, out var slot) && !own.TryGetValue(k, out slot))
            {
                own[k] = slot = shared.Count + own.Count;
            }

            slotOf[i] = slot;
        }

        // A counting sort by slot: two passes and no per-group collections.
        var slots = shared.Count + own.Count;
        var starts = new int[slots + 1];
        foreach (var slot in slotOf)
        {
            if (slot >= 0)
            {
                starts[slot + 1]++;
            }
        }

        for (var s = 0; s < slots; s++)
        {
            starts[s + 1] += starts[s];
        }

        var next = (int[])starts.Clone();
        var grouped = new T[starts[^1]];
        for (var i = 0; i < items.Count; i++)
        {
            if (slotOf[i] >= 0)
            {
                grouped[next[slotOf[i]]++] = items[i];
            }
        }

        var comparer = Comparer<TOrder>.Default;
        for (var s = 0; s < slots; s++)
        {
            SortStable(grouped, starts[s], starts[s + 1], order, comparer);
        }

        return new SlotGroups<T>(shared, own, grouped, starts);
    }

    /// <summary>Insertion sort for a company's few records; a long group goes through OrderBy (stable too).</summary>
    private static void SortStable<TOrder>(T[] items, int from, int to, Func<T, TOrder> order, Comparer<TOrder> comparer)
    {
        var sorted = true;
        for (var i = from + 1; i < to && sorted; i++)
        {
            sorted = comparer.Compare(order(items[i - 1]), order(items[i])) <= 0;
        }

        if (sorted)
        {
            return;
        }

        if (to - from > 32)
        {
            var ordered = new ArraySegment<T>(items, from, to - from).OrderBy(order, comparer).ToArray();
            ordered.CopyTo(items, from);
            return;
        }

        for (var i = from + 1; i < to; i++)
        {
            var item = items[i];
            var moment = order(item);
            var j = i - 1;
            while (j >= from && comparer.Compare(order(items[j]), moment) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }

            items[j + 1] = item;
        }
    }
}
