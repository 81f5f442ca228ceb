using CrmBridge.Bitrix24.Mapping;
using CrmBridge.Bitrix24.Transport;
using CrmBridge.Storage;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>Reads the deal pipelines with their stages (<see cref="PipelineReader"/>) into the Store.</summary>
internal sealed class PipelineLoader(Bitrix24Transport transport, ICrmStore store, Bitrix24Mapper mapper, TimeProvider time)
{
    public async Task<int> LoadAsync(RowReader reader, CancellationToken cancellationToken)
    {
        var pipelines = await new PipelineReader(transport, mapper, time).ReadAsync(reader, cancellationToken);
        store.Pipelines.Upsert(pipelines);
        return pipelines.Count;
    }
}
