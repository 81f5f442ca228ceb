using System.Globalization;
using CrmBridge.Core.Model;

namespace CrmBridge.Hosting.Status;

/// <summary>The status report as plain lines (console) — the bot escapes them and sends the same text.</summary>
internal static class StatusRenderer
{
    public static IReadOnlyList<string> Lines(StatusReport report, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(zone);
        var lines = new List<string> { $"Health: {(report.Healthy ? "ok" : "NOT OK")} — {report.HealthText}" };
        lines.Add("Last tick per CRM:");
        if (report.Ticks.Count == 0)
        {
            lines.Add("  none yet");
        }

        foreach (var tick in report.Ticks)
        {
            var outcome = tick.Ok ? "ok" : $"failed — {tick.Error}";
            var lastOk = tick.Ok || tick.LastSuccessAt is null ? "" : $" (last success {Local(tick.LastSuccessAt.Value, zone)})";
            lines.Add($"  {CrmRef.CrmName(tick.Crm)} {tick.Account}: {Local(tick.At, zone)} {outcome}{lastOk}");
        }

        var lastError = report.Ticks.Where(t => t.Error is not null).OrderByDescending(t => t.At).FirstOrDefault();
        lines.Add($"Last error: {(lastError is null ? "none" : $"{CrmRef.CrmName(lastError.Crm)} {lastError.Account} at {Local(lastError.At, zone)}: {lastError.Error}")}");
        lines.Add("Outbox: " + (report.Backlog.Count == 0 ? "empty" : string.Join(", ", report.Backlog.Select(b => $"{b.Count.ToString(CultureInfo.InvariantCulture)} {b.State}"))));
        lines.Add($"Ambiguous actions (may or may not have been delivered; not resent): {report.Ambiguous.Count}");
        lines.AddRange(report.Ambiguous.Select(a => $"  {a.Kind} {a.Key}: {a.Summary}{(a.LastError is null ? "" : $" ({a.LastError})")}"));
        lines.Add($"Failed actions: {report.FailedCount}{(report.FailedCount > report.RecentFailed.Count ? $" (latest {report.RecentFailed.Count} shown)" : "")}");
        lines.AddRange(report.RecentFailed.Select(f => $"  {f.Kind} {f.Key}: {f.LastError}"));
        lines.Add($"amoCRM token expires: {(report.AmoTokenExpiresAt is { } expires ? Local(expires, zone) : "not known (long-lived token, or amoCRM off)")}");
        lines.Add($"Enrichment backlog: {report.EnrichmentBacklog.ToString(CultureInfo.InvariantCulture)} INNs not yet looked up");
        return lines;
    }

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
