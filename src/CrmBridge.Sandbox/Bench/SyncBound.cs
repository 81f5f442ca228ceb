using System.Globalization;

namespace CrmBridge.Sandbox.Bench;

/// <summary>Says what holds a full load below 90 % of the ceiling, from what the measurement itself shows.</summary>
internal static class SyncBound
{
    public static string? Explain(SyncMeasurement m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.PercentOfCeiling >= 90)
        {
            return null;
        }

        var reasons = new List<string>();
        if (m.RejectedByLimit > 0)
        {
            reasons.Add(Invariant($"{m.RejectedByLimit:N0} requests rejected by the limit and retried"));
        }

        if (m.Requests > m.MinimumRequests * 1.1)
        {
            reasons.Add(Invariant($"{m.Requests:N0} requests where {m.MinimumRequests:N0} could carry the rows (partly filled batches/pages)"));
        }

        var perRequestMs = m.Seconds / Math.Max(1, m.Requests) * 1000;
        var slotMs = 1000 / m.Limit.RequestsPerSecond;
        if (m.LoadAverage is { } load && load >= Environment.ProcessorCount)
        {
            reasons.Add(Invariant($"CPU-starved: load average {load:F1} on {Environment.ProcessorCount} cores (other builds), the process got {m.CpuPercent:F0} % of them for the sandbox, JSON, mapping and LiteDB; {perRequestMs:F0} ms per request against a {slotMs:F0} ms slot"));
        }
        else if (m.CpuPercent >= 80)
        {
            reasons.Add(Invariant($"CPU-bound: the process used {m.CpuPercent:F0} % of {Environment.ProcessorCount} cores (JSON, mapping, LiteDB, the sandbox itself)"));
        }
        else if (perRequestMs > slotMs)
        {
            reasons.Add(Invariant($"client-bound: {perRequestMs:F0} ms per request (HTTP + JSON + mapping + LiteDB store) against a {slotMs:F0} ms slot: each list's next page waits for the last one's answer, so with few lists left their latency shows"));
        }

        if (reasons.Count == 0)
        {
            reasons.Add(Invariant($"latency of the paging chains: each batch waits for the previous one's last ID; CPU {m.CpuPercent:F0} %"));
        }

        return string.Join("; ", reasons);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
