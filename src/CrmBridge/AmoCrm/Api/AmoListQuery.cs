using Refit;

namespace CrmBridge.AmoCrm.Api;

/// <summary>List parameters; null members are left out of the query string.</summary>
internal sealed record AmoListQuery
{
    [AliasAs("page")]
    public int Page { get; init; } = 1;

    [AliasAs("limit")]
    public int Limit { get; init; } = 250;

    [AliasAs("filter[updated_at][from]")]
    public long? UpdatedFrom { get; init; }

    [AliasAs("filter[created_at][from]")]
    public long? CreatedFrom { get; init; }

    [AliasAs("order[updated_at]")]
    public string? OrderByUpdated { get; init; }

    [AliasAs("filter[note_type][]")]
    [Query(CollectionFormat.Multi)]
    public IReadOnlyList<string>? NoteTypes { get; init; }

    [AliasAs("filter[type][]")]
    [Query(CollectionFormat.Multi)]
    public IReadOnlyList<string>? EventTypes { get; init; }

    [AliasAs("filter[id][]")]
    public long? Id { get; init; }

    [AliasAs("filter[entity_type]")]
    public string? EntityType { get; init; }

    [AliasAs("filter[entity_id][]")]
    public long? EntityId { get; init; }

    /// <summary>Embedded extras of a list (leads: "loss_reason").</summary>
    [AliasAs("with")]
    public string? With { get; init; }

    [AliasAs("filter[is_completed]")]
    public int? IsCompleted { get; init; }
}
