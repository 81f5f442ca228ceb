using CrmBridge.Sync;
using Quartz;

namespace CrmBridge.Hosting.Scheduling;

/// <summary>The sync tick; a thin shell over <see cref="SyncCycle"/>. Never runs twice at once.</summary>
[DisallowConcurrentExecution]
internal sealed class SyncJob(SyncCycle cycle) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await cycle.RunAsync(cancellationToken);
}
