namespace CrmBridge.Core.Model;

/// <summary>
/// The one home for "group records by a key, each group oldest first": rules, KPIs and client histories all need it.
/// One pass and no per-group LINQ objects, so a million-company base groups in seconds, not tens of them.
/// </summary>
internal static class SortedGroups
{
    /// <param name="capacity">Expected number of groups (e.g. the companies), so the dictionary never rehashes.</param>
    public static Dictionary<TKey, List<T>> By<T, TKey, TOrder>(IEnumerable<T> items, Func<T, TKey?> key, Func<T, TOrder> order, int capacity = 0)
        where TKey : notnull
    {
        var groups = new Dictionary<TKey, List<T>>(capacity);
        foreach (var item in items)
        {
            if (key(item) is not { } k)
            {
                continue;
            }

            if (!groups.TryGetValue(k, out var list))
            {
                groups[k] = list = [];
            }

            list.Add(item);
        }

        var comparer = Comparer<TOrder>.Default;
        foreach (var list in groups.Values)
        {
            for (var i = 1; i < list.Count; i++)
            {
                if (comparer.Compare(order(list[i - 1]), order(list[i])) > 0)
                {
                    SortStable(list, order, comparer);
                    break;
                }
            }
        }

        return groups;
    }

    /// <summary>
    /// Equal moments keep their input order (List.Sort is not stable). Groups are a company's few records, so an
    /// insertion sort in place beats OrderBy's buffers; a long group still goes through OrderBy.
    /// </summary>
    private static void SortStable<T, TOrder>(List<T> list, Func<T, TOrder> order, Comparer<TOrder> comparer)
    {
        if (list.Count > 32)
        {
            var sorted = list.OrderBy(order, comparer).ToList();
            list.Clear();
            list.AddRange(sorted);
            return;
        }

        for (var i = 1; i < list.Count; i++)
        {
            var item = list[i];
            var moment = order(item);
            var j = i - 1;
            while (j >= 0 && comparer.Compare(order(list[j]), moment) > 0)
            {
                list[j + 1] = list[j];
                j--;
            }

            list[j + 1] = item;
        }
    }
}
