namespace CrmBridge.Tests.Outbox.Crash;

/// <summary>
/// The innermost handler of every HTTP client: a crash point just before a write request leaves and just after the
/// server carried it out (its answer never read). Reads pass, unless the process is already dead.
/// </summary>
internal sealed class CrashingHandler(CrashSwitch crash) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        crash.ThrowIfDead();
        var path = request.RequestUri?.AbsolutePath ?? "";
        var write = path.Contains(".add", StringComparison.Ordinal) || path.Contains(".update", StringComparison.Ordinal)
            || path.Contains("/send", StringComparison.Ordinal)
            || (path.Contains("/api/v4/", StringComparison.Ordinal) && request.Method != HttpMethod.Get);
        if (!write)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var name = path[(path.LastIndexOf('/') + 1)..];
        crash.Step($"before {request.Method} {name}");
        var response = await base.SendAsync(request, cancellationToken);
        crash.Step($"after {request.Method} {name} reached the server");
        return response;
    }
}
