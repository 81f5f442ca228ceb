namespace CrmBridge.Hosting.Scheduling;

/// <summary>What the digest job runs: compute the KPIs and queue the morning messages.</summary>
internal interface IDigestWork
{
    Task RunAsync(CancellationToken cancellationToken);
}
