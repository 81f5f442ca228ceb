using System.Text.Json;
using System.Text.Json.Nodes;
using CrmBridge.Bitrix24.Api;
using CrmBridge.Bitrix24.Mapping;
using CrmBridge.Bitrix24.Transport;
using CrmBridge.Core.Model;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>
/// Deal pipelines (crm.category.list entityTypeId=2) with their stages in sort order (crm.status.list
/// ENTITY_ID DEAL_STAGE for category 0, DEAL_STAGE_{id} for the others), all statuses in one batch. For `setup`'s
/// survey; a sync reads them riding in its list batches (<see cref="PipelineReads"/>).
/// </summary>
internal sealed class PipelineReader(Bitrix24Transport transport, Bitrix24Mapper mapper, TimeProvider time)
{
    public async Task<List<Pipeline>> ReadAsync(RowReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var reply = await transport.CallAsync("crm.category.list", new JsonObject { ["entityTypeId"] = 2 }, CallSafety.Idempotent, cancellationToken);
        var categories = reply.Result.Deserialize<BitrixCategoryList>(BitrixJson.Options)?.Categories ?? [];
        var pipelines = new List<Pipeline>();
        foreach (var chunk in categories.Where(c => c.Id is not null).Chunk(50))
        {
            var commands = chunk.Select(c => new BatchCommand(
                $"s{c.Id}",
                "crm.status.list",
                $"{Uri.EscapeDataString("filter[ENTITY_ID]")}={Uri.EscapeDataString(c.Id == "0" ? "DEAL_STAGE" : $"DEAL_STAGE_{c.Id}")}&{Uri.EscapeDataString("order[SORT]")}=ASC")).ToList();
            var statuses = await transport.BatchAsync(commands, cancellationToken);
            foreach (var (category, outcome) in chunk.Zip(statuses.Outcomes))
            {
                if (outcome.Error is not null)
                {
                    throw outcome.Error;
                }

                var rows = outcome.Result!.Value.ValueKind == JsonValueKind.Array ? [.. outcome.Result.Value.EnumerateArray()] : new List<JsonElement>();
                var stages = reader.Read<BitrixStatus, Stage>("stage", rows, Bitrix24Mapper.Stage).OrderBy(s => s.Sort).ToList();
                pipelines.Add(new Pipeline { Ref = mapper.Ref(category.Id!), Name = category.Name ?? "", Stages = stages, ModifiedAt = time.GetUtcNow() });
            }
        }

        return pipelines;
    }
}
