namespace CrmBridge.Sandbox.Bench;

/// <summary>A vendor's documented limit: requests a second, requests allowed at once, rows one request carries.</summary>
internal sealed record RateLimit(double RequestsPerSecond, int Burst, int RowsPerRequest)
{
    /// <summary>Bitrix24 (non-Enterprise): leaky bucket 2/s, burst 50; a batch of 50 list commands × 50 rows.</summary>
    public static RateLimit Bitrix24 { get; } = new(2, 50, 50 * 50);

    /// <summary>amoCRM: 7 requests a second (a one-second window, so 7 at once); 250 rows a page.</summary>
    public static RateLimit AmoCrm { get; } = new(7, 7, 250);

    public double SteadyRowsPerSecond => RequestsPerSecond * RowsPerRequest;

    /// <summary>The shortest time the limit allows for this many requests: the burst goes at once, the rest at the rate.</summary>
    public double CeilingSeconds(long requests) => Math.Max(0, requests - Burst) / RequestsPerSecond;
}
