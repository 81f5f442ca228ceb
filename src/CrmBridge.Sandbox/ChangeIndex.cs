namespace CrmBridge.Sandbox;

/// <summary>
/// One list's change moments in the generated portal: each company's latest row moment, sorted, so a change-date
/// filter visits only the companies that can have a matching row, as a real CRM answers from its DATE_MODIFY /
/// updated_at index. The generated portal never changes, so this is built once; touches are tracked apart by
/// <see cref="SandboxState"/> and merged in by the lists. Eight bytes a company that has rows in the list.
/// </summary>
internal sealed class ChangeIndex
{
    /// <summary>A tick asks each list with one moment across its pages and its count; a few are kept, not one per page.</summary>
    private const int CachedQueries = 4;

    private readonly long _origin;
    private readonly int[] _latest;
    private readonly int[] _locals;
    private readonly (long Since, int[] Locals)?[] _cache = new (long, int[])?[CachedQueries];
    private readonly Lock _gate = new();
    private int _nextSlot;

    private ChangeIndex(long origin, int[] latest, int[] locals)
    {
        _origin = origin;
        _latest = latest;
        _locals = locals;
        Array.Sort(_latest, _locals);
    }

    /// <summary>Companies in the index (those with at least one row in the list).</summary>
    public int Count => _latest.Length;

    /// <summary>
    /// Local indices, ascending, of the companies whose latest row is at or after <paramref name="sinceUnixSeconds"/>
    /// (whole seconds, as both CRMs compare): every company that can have a row matching "changed since" is here.
    /// </summary>
    public int[] Since(long sinceUnixSeconds)
    {
        lock (_gate)
        {
            foreach (var entry in _cache)
            {
                if (entry is { } hit && hit.Since == sinceUnixSeconds)
                {
                    return hit.Locals;
                }
            }
        }

        var first = LowerBound(Relative(sinceUnixSeconds));
        var locals = _locals[first..];
        Array.Sort(locals);
        lock (_gate)
        {
            _cache[_nextSlot] = (sinceUnixSeconds, locals);
            _nextSlot = (_nextSlot + 1) % CachedQueries;
        }

        return locals;
    }

    /// <summary>The locals of an ascending array from <paramref name="fromLocal"/> on.</summary>
    public static IEnumerable<int> From(int[] ascending, int fromLocal)
    {
        var start = Array.BinarySearch(ascending, fromLocal);
        for (var i = start < 0 ? ~start : start; i < ascending.Length; i++)
        {
            yield return ascending[i];
        }
    }

    /// <summary>Two ascending sequences as one, each local once.</summary>
    public static IEnumerable<int> Merge(IEnumerable<int> left, IEnumerable<int> right)
    {
        using var l = left.GetEnumerator();
        using var r = right.GetEnumerator();
        var hasLeft = l.MoveNext();
        var hasRight = r.MoveNext();
        while (hasLeft || hasRight)
        {
            if (!hasRight || (hasLeft && l.Current < r.Current))
            {
                yield return l.Current;
                hasLeft = l.MoveNext();
            }
            else if (!hasLeft || r.Current < l.Current)
            {
                yield return r.Current;
                hasRight = r.MoveNext();
            }
            else
            {
                yield return l.Current;
                hasLeft = l.MoveNext();
                hasRight = r.MoveNext();
            }
        }
    }

    private int Relative(long unixSeconds) => (int)Math.Clamp(unixSeconds - _origin, int.MinValue, int.MaxValue);

    private int LowerBound(int value)
    {
        int low = 0, high = _latest.Length;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (_latest[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>
    /// Fills the indexes of several lists of one CRM in one pass over its companies (a company is generated once for
    /// all of them).
    /// </summary>
    public sealed class Builder(int lists, int companies, DateTimeOffset origin)
    {
        private readonly long _origin = origin.ToUnixTimeSeconds();
        private readonly int[][] _latest = [.. Enumerable.Range(0, lists).Select(_ => new int[companies])];
        private readonly int[][] _locals = [.. Enumerable.Range(0, lists).Select(_ => new int[companies])];
        private readonly int[] _counts = new int[lists];

        /// <summary>The latest row moment of list <paramref name="list"/> at company <paramref name="local"/>; null when it has no rows.</summary>
        public void Add(int list, int local, DateTimeOffset? latest)
        {
            if (latest is not { } at)
            {
                return;
            }

            var n = _counts[list]++;
            _latest[list][n] = (int)Math.Clamp(at.ToUnixTimeSeconds() - _origin, int.MinValue, int.MaxValue);
            _locals[list][n] = local;
        }

        public ChangeIndex[] Build() =>
            [.. Enumerable.Range(0, _counts.Length).Select(i => new ChangeIndex(_origin, _latest[i][.._counts[i]], _locals[i][.._counts[i]]))];
    }
}
