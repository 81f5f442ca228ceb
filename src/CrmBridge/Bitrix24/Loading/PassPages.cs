namespace CrmBridge.Bitrix24.Loading;

/// <summary>
/// What one HTTP request brought for one list, in the order the pages must be stored: its pages, and whether the list
/// is now read to its end (Complete) or given up for this tick (Failure).
/// </summary>
internal sealed record PassPages(ListPass Pass, IReadOnlyList<ListPage> Pages, bool Complete, Exception? Failure);
