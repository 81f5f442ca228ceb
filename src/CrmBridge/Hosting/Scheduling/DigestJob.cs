using Quartz;

namespace CrmBridge.Hosting.Scheduling;

/// <summary>The morning digest; a thin shell over the digest use case. Never runs twice at once.</summary>
[DisallowConcurrentExecution]
internal sealed class DigestJob(IDigestWork digest) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await digest.RunAsync(cancellationToken);
}
