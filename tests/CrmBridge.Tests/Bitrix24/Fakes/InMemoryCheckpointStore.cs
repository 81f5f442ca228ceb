using CrmBridge.Core.Model;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Bitrix24.Fakes;

internal sealed class InMemoryCheckpointStore : ICheckpointStore
{
    private readonly Dictionary<string, SyncCheckpoint> checkpoints = [];
    private readonly Lock sync = new();

    public SyncCheckpoint? Get(CrmKind crm, string account, string entity)
    {
        lock (sync)
        {
            return checkpoints.GetValueOrDefault($"{crm}|{account}|{entity}");
        }
    }

    public void Save(SyncCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        lock (sync)
        {
            checkpoints[$"{checkpoint.Crm}|{checkpoint.Account}|{checkpoint.Entity}"] = checkpoint;
        }
    }
}
