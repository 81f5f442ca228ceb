using CrmBridge.Storage;

namespace CrmBridge.Outbox;

/// <summary>One action as reports show it (`once --report`): kind, key and state, plus why it failed if it did.</summary>
internal sealed record OutboxReportLine(string Kind, string Key, string State, string Summary, int Attempts, string? LastError)
{
    /// <summary>The report of the actions created at or after <paramref name="createdSince"/> (all when null), oldest first.</summary>
    public static IReadOnlyList<OutboxReportLine> From(IOutboxStore outbox, DateTimeOffset? createdSince = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        return
        [
            .. outbox.List()
                .Where(entry => createdSince is null || entry.CreatedAt >= createdSince)
                .Select(entry => new OutboxReportLine(entry.Kind, entry.Key, OutboxStateNames.Of(entry.State), entry.Summary, entry.Attempts, entry.LastError)),
        ];
    }
}
