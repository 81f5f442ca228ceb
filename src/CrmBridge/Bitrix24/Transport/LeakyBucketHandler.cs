namespace CrmBridge.Bitrix24.Transport;

/// <summary>The innermost handler: every real HTTP send, retries included, takes its slot in the portal's leaky bucket.</summary>
internal sealed class LeakyBucketHandler(LeakyBucketGate gate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
