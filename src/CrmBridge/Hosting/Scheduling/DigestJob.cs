using CrmBridge.Digest;
using CrmBridge.Outbox;
using Quartz;

namespace CrmBridge.Hosting.Scheduling;

/// <summary>The morning digest: queue the messages, then let the outbox send them. Never runs twice at once.</summary>
[DisallowConcurrentExecution]
internal sealed class DigestJob(DigestRunner digest, OutboxDispatcher dispatcher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await digest.RunAsync(cancellationToken);
        await dispatcher.DispatchAsync(cancellationToken);
    }
}
