using System.Collections.Concurrent;
using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox.AmoCrm;

/// <summary>
/// Page/limit paging over the generator. Clients read pages in order, so the position where page N ended is
/// remembered and page N+1 resumes there: each page costs its own rows, not the offset.
/// </summary>
internal sealed class AmoLists(SandboxState state)
{
    private readonly ConcurrentDictionary<string, (int Local, int Skip)> _cursors = new();

    public IReadOnlyList<AmoRow> Page(AmoEntity entity, AmoQuery query, out bool hasMore)
    {
        var key = $"{entity.Embedded}|{query.Key}|{query.Limit}|{state.Version}";
        var (local, skip) = _cursors.TryGetValue($"{key}|{query.Page}", out var cursor) ? cursor : (0, -1);
        var offset = skip < 0 ? (long)(query.Page - 1) * query.Limit : 0;
        skip = Math.Max(skip, 0);
        var rows = new List<AmoRow>(query.Limit);
        var touchedOnly = query.From is { } from && from > AmoJson.Unix(state.Horizon);
        foreach (var (l, within, row) in Scan(entity, query, local, skip, touchedOnly))
        {
            if (offset > 0)
            {
                offset--;
                continue;
            }

            if (rows.Count == query.Limit)
            {
                _cursors[$"{key}|{query.Page + 1}"] = (l, within);
                hasMore = true;
                return rows;
            }

            rows.Add(row);
        }

        hasMore = false;
        return rows;
    }

    /// <summary>Matching rows from (local, skip) on, each with its position: company and index among its matching rows.</summary>
    private IEnumerable<(int Local, int Within, AmoRow Row)> Scan(AmoEntity entity, AmoQuery query, int fromLocal, int skip, bool touchedOnly)
    {
        var count = state.Portal.AmoCount;
        IEnumerable<int> locals = touchedOnly
            ? entity.ChangesOnTouch ? state.TouchedLocals(CrmKind.AmoCrm, fromLocal) : []
            : Enumerable.Range(fromLocal, Math.Max(0, count - fromLocal));
        if (entity == AmoEntity.Companies && query.Ids.Count > 0)
        {
            locals = query.Ids.Select(id => (int)(id - Portal.PortalIds.AmoCompanyBase - 1)).Where(l => l >= fromLocal && l < count).Order();
        }

        foreach (var local in locals)
        {
            var within = 0;
            foreach (var row in entity.Rows(state.Company(CrmKind.AmoCrm, local)))
            {
                if (!query.Matches(row))
                {
                    continue;
                }

                if (local == fromLocal && within < skip)
                {
                    within++;
                    continue;
                }

                yield return (local, within++, row);
            }
        }
    }
}
