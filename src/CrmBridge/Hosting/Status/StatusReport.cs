using CrmBridge.Outbox;
using CrmBridge.Sync;

namespace CrmBridge.Hosting.Status;

/// <summary>
/// What `crmbridge status` prints and /status shows heads: the last tick per CRM, the outbox backlog by state, the
/// ambiguous and failed actions, the amoCRM token's expiry and the enrichment backlog; healthy while every CRM had a
/// successful tick within three schedule periods.
/// </summary>
internal sealed record StatusReport(
    DateTimeOffset At,
    IReadOnlyList<TickRecord> Ticks,
    bool Healthy,
    string HealthText,
    IReadOnlyList<BacklogLine> Backlog,
    IReadOnlyList<OutboxReportLine> Ambiguous,
    int FailedCount,
    IReadOnlyList<OutboxReportLine> RecentFailed,
    DateTimeOffset? AmoTokenExpiresAt,
    int EnrichmentBacklog)
{
    /// <summary>How many failed actions are listed by name (the count covers them all).</summary>
    public const int FailedShown = 10;

    /// <summary>The report as text, for the console and the bot.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];
}

/// <summary>How many outbox actions are in one state.</summary>
internal sealed record BacklogLine(string State, int Count);
