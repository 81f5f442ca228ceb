namespace CrmBridge.Digest;

/// <summary>
/// One picture of the digest. <see cref="Name"/> is stable for a given pipeline or chart kind (not its title), so the
/// outbox key digest-chart|chat|date|name stays the same when the job runs twice in one morning.
/// </summary>
internal sealed record DigestChart(string Name, byte[] Png, string Caption);
