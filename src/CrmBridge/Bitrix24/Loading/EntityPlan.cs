using System.Text.Json;
using CrmBridge.Bitrix24.Mapping;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>
/// One entity to read: its checkpoint name, its list, the field that tells a change (null = append-only, read by ID
/// alone; or reloaded in full every tick when <see cref="AlwaysFull"/>), and how a page is stored: <see cref="Prepare"/>
/// turns its rows into records on any thread (while the page before it is being stored), and the step it returns
/// writes them on the store's thread.
/// </summary>
internal sealed record EntityPlan(
    string Entity,
    ListQuery Query,
    string? ChangeField,
    Func<IReadOnlyList<JsonElement>, RowReader, StorePage> Prepare)
{
    public bool AlwaysFull { get; init; }

    /// <summary>
    /// Whether the Store holds nothing of this list's records for the portal, asked when a full read begins from the
    /// first row: its pages are then stored without looking up stored copies. Null for a list whose pages revise
    /// records another list stored (requisites, stage history), which always look.
    /// </summary>
    public Func<bool>? HoldsNothing { get; init; }
}

/// <summary>
/// Writes a prepared page; <paramref name="nothingStored"/> says the pass began on an empty account, so none of the
/// page's records can be stored yet.
/// </summary>
internal delegate PageResult StorePage(bool nothingStored);
