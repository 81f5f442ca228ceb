using CrmBridge.Core.Model;

namespace CrmBridge.Storage;

internal interface ICheckpointStore
{
    SyncCheckpoint? Get(CrmKind crm, string account, string entity);

    void Save(SyncCheckpoint checkpoint);
}
