namespace CrmBridge.Sandbox.Bench;

/// <summary>
/// A vendor's documented limit: requests a second, requests allowed at once, rows one request carries; a window limit
/// (amoCRM: at most so many in any second) rather than a leaky bucket (Bitrix24).
/// </summary>
internal sealed record RateLimit(double RequestsPerSecond, int Burst, int RowsPerRequest, bool Window = false)
{
    /// <summary>Bitrix24 (non-Enterprise): leaky bucket 2/s, burst 50; a batch of 50 list commands × 50 rows.</summary>
    public static RateLimit Bitrix24 { get; } = new(2, 50, 50 * 50);

    /// <summary>amoCRM: 7 requests a second (a one-second window, so 7 at once); 250 rows a page.</summary>
    public static RateLimit AmoCrm { get; } = new(7, 7, 250, Window: true);

    public double SteadyRowsPerSecond => RequestsPerSecond * RowsPerRequest;

    /// <summary>
    /// The shortest time the limit allows for this many requests: a bucket lets the burst go at once and the rest at the
    /// rate; a window lets a second's worth go, then the next second's.
    /// </summary>
    public double CeilingSeconds(long requests) => Window
        ? Math.Max(0, Math.Ceiling(requests / (double)Burst) - 1) * Burst / RequestsPerSecond
        : Math.Max(0, requests - Burst) / RequestsPerSecond;
}
