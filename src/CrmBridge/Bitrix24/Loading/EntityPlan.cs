using System.Text.Json;
using CrmBridge.Bitrix24.Mapping;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>
/// One entity to read: its checkpoint name, its list, the field that tells a change (null = append-only, read by ID
/// alone; or reloaded in full every tick when <see cref="AlwaysFull"/>), and how a page is stored.
/// </summary>
internal sealed record EntityPlan(
    string Entity,
    ListQuery Query,
    string? ChangeField,
    Func<IReadOnlyList<JsonElement>, RowReader, PageResult> Store)
{
    public bool AlwaysFull { get; init; }
}
