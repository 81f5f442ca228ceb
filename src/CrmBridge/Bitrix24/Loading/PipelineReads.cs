using System.Text.Json;
using CrmBridge.Bitrix24.Api;
using CrmBridge.Bitrix24.Mapping;
using CrmBridge.Bitrix24.Transport;
using CrmBridge.Core.Model;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>
/// Deal pipelines (crm.category.list entityTypeId=2) with their stages in sort order (crm.status.list ENTITY_ID
/// DEAL_STAGE for category 0, DEAL_STAGE_{id} for the others), read as commands that ride in the list batches
/// (<see cref="PackedListReader"/>) instead of costing requests of their own. The stages of the pipelines already
/// stored (and of category 0, which every portal has) go with the category list; a new category's stages follow in
/// the next batch.
/// </summary>
internal sealed class PipelineReads
{
    private const string CategoryKey = "pc";
    private const string StageKeyPrefix = "ps";
    private readonly Bitrix24Mapper mapper;
    private readonly RowReader reader;
    private readonly Queue<BatchCommand> pending = new();
    private readonly HashSet<string> requested = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Stage>> stages = new(StringComparer.Ordinal);
    private IReadOnlyList<BitrixCategory>? categories;

    public PipelineReads(Bitrix24Mapper mapper, RowReader reader, IEnumerable<string> knownCategoryIds)
    {
        ArgumentNullException.ThrowIfNull(knownCategoryIds);
        this.mapper = mapper;
        this.reader = reader;
        pending.Enqueue(new BatchCommand(CategoryKey, "crm.category.list", "entityTypeId=2"));
        foreach (var id in knownCategoryIds.Prepend("0"))
        {
            RequestStages(id);
        }
    }

    public bool HasPending => pending.Count > 0;

    public Exception? Failure { get; private set; }

    public IEnumerable<BatchCommand> Take(int max)
    {
        var taken = new List<BatchCommand>();
        while (taken.Count < max && pending.TryDequeue(out var command))
        {
            taken.Add(command);
        }

        return taken;
    }

    /// <summary>Commands the portal's limit turned away go again with the next batch.</summary>
    public void Retry(IEnumerable<BatchCommand> commands)
    {
        foreach (var command in commands)
        {
            pending.Enqueue(command);
        }
    }

    public void Fail(Exception error)
    {
        Failure ??= error;
        pending.Clear();
    }

    public void Accept(BatchCommandOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Error is not null)
        {
            Fail(outcome.Error);
            return;
        }

        var result = outcome.Result!.Value;
        if (outcome.Command.Key == CategoryKey)
        {
            categories = result.Deserialize<BitrixCategoryList>(BitrixJson.Options)?.Categories ?? [];
            foreach (var category in categories.Where(c => c.Id is not null))
            {
                RequestStages(category.Id!);
            }

            return;
        }

        var rows = result.ValueKind == JsonValueKind.Array ? [.. result.EnumerateArray()] : new List<JsonElement>();
        stages[outcome.Command.Key[StageKeyPrefix.Length..]] = [.. reader.Read<BitrixStatus, Stage>("stage", rows, Bitrix24Mapper.Stage).OrderBy(s => s.Sort)];
    }

    /// <summary>The portal's pipelines once all of them came with their stages; null while any is missing or failed.</summary>
    public List<Pipeline>? Pipelines(DateTimeOffset now)
    {
        if (Failure is not null || categories is null)
        {
            return null;
        }

        var read = categories.Where(c => c.Id is not null).ToList();
        return read.All(c => stages.ContainsKey(c.Id!))
            ? [.. read.Select(c => new Pipeline { Ref = mapper.Ref(c.Id!), Name = c.Name ?? "", Stages = stages[c.Id!], ModifiedAt = now })]
            : null;
    }

    private void RequestStages(string categoryId)
    {
        if (!requested.Add(categoryId))
        {
            return;
        }

        var entity = categoryId == "0" ? "DEAL_STAGE" : $"DEAL_STAGE_{categoryId}";
        pending.Enqueue(new BatchCommand(
            StageKeyPrefix + categoryId,
            "crm.status.list",
            $"{Uri.EscapeDataString("filter[ENTITY_ID]")}={Uri.EscapeDataString(entity)}&{Uri.EscapeDataString("order[SORT]")}=ASC"));
    }
}
