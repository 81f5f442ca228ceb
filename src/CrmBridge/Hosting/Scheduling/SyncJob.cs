using CrmBridge.Hosting.Status;
using CrmBridge.Sync;
using Quartz;

namespace CrmBridge.Hosting.Scheduling;

/// <summary>
/// The sync tick; a thin shell over <see cref="SyncCycle"/>. Never runs twice at once. After each tick the status
/// snapshot is written, so `crmbridge status` (the HEALTHCHECK) can answer while this process holds the store.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SyncJob(SyncCycle cycle, StatusSnapshot status) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await cycle.RunAsync(cancellationToken);
        }
        finally
        {
            status.Save();
        }
    }
}
