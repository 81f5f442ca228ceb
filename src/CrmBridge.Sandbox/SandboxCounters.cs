namespace CrmBridge.Sandbox;

/// <summary>Requests served and rejected by the rate limits, per stand-in service.</summary>
public sealed class SandboxCounters
{
    private readonly long[] _requests = new long[4];
    private readonly long[] _rejected = new long[4];

    public long Requests(SandboxService service) => Interlocked.Read(ref _requests[(int)service]);

    public long Rejected(SandboxService service) => Interlocked.Read(ref _rejected[(int)service]);

    internal void Count(SandboxService service) => Interlocked.Increment(ref _requests[(int)service]);

    internal void Reject(SandboxService service) => Interlocked.Increment(ref _rejected[(int)service]);
}
