using CrmBridge.AmoCrm.Api;

namespace CrmBridge.AmoCrm;

/// <summary>How to read one amoCRM list and store what it holds.</summary>
/// <param name="Entity">Checkpoint and log name, e.g. "company".</param>
/// <param name="FirstPage">The page-1 query, given the unix "from" of the incremental window (null = everything).</param>
/// <param name="Store">Maps and stores the parsed records of one page; returns how many were stored.</param>
/// <param name="Stamp">The record's change time (updated_at, or created_at for events); null = no checkpoint (full read).</param>
/// <param name="OrderedByStamp">The list is sorted by the stamp ascending, so the checkpoint can advance page by page.</param>
internal sealed record AmoFeed<T>(
    string Entity,
    Func<long?, AmoListQuery> FirstPage,
    Func<AmoListQuery, CancellationToken, Task<AmoPage<T>?>> Fetch,
    Func<IReadOnlyList<T>, int> Store,
    Func<T, long>? Stamp,
    bool OrderedByStamp)
    where T : class;
