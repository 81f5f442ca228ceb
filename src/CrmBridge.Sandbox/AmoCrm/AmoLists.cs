using System.Collections.Concurrent;
using CrmBridge.Core.Model;

namespace CrmBridge.Sandbox.AmoCrm;

/// <summary>
/// Page/limit paging over the generator. Clients read pages in order, so the position where page N ended is
/// remembered and page N+1 resumes there: each page costs its own rows, not the offset. A date filter's [from]
/// visits only the companies the change index and the touched set say can match.
/// </summary>
internal sealed class AmoLists(SandboxState state)
{
    private readonly ConcurrentDictionary<string, (int Local, int Skip)> _cursors = new();
    private readonly ListChanges<AmoEntity> _changes = new(state, CrmKind.AmoCrm, AmoEntity.Listed, (list, company) => list.LatestChange(company), list => list.Embedded);

    public IReadOnlyList<AmoRow> Page(AmoEntity entity, AmoQuery query, out bool hasMore)
    {
        var key = $"{entity.Embedded}|{query.Key}|{query.Limit}|{state.Version}";
        var (local, skip) = _cursors.TryGetValue($"{key}|{query.Page}", out var cursor) ? cursor : (0, -1);
        var offset = skip < 0 ? (long)(query.Page - 1) * query.Limit : 0;
        skip = Math.Max(skip, 0);
        var rows = new List<AmoRow>(query.Limit);
        foreach (var (l, within, row) in Scan(entity, query, local, skip))
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
    private IEnumerable<(int Local, int Within, AmoRow Row)> Scan(AmoEntity entity, AmoQuery query, int fromLocal, int skip)
    {
        var count = state.Portal.AmoCount;
        IEnumerable<int> locals;
        if (entity == AmoEntity.Companies && query.Ids.Count > 0)
        {
            locals = query.Ids.Select(id => (int)(id - Portal.PortalIds.AmoCompanyBase - 1)).Where(l => l >= fromLocal && l < count).Order();
        }
        else if (query.From is { } from)
        {
            // Only a company whose latest generated row is at or after [from] can match; a touch moves only the
            // company card's updated_at.
            var generated = ChangeIndex.From(_changes.Of(entity).Since(from), fromLocal);
            locals = entity.ChangesOnTouch ? ChangeIndex.Merge(generated, state.TouchedLocals(CrmKind.AmoCrm, fromLocal)) : generated;
        }
        else
        {
            locals = Enumerable.Range(fromLocal, Math.Max(0, count - fromLocal));
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
