using CrmBridge.AmoCrm;
using CrmBridge.AmoCrm.Auth;
using CrmBridge.Core.Identifiers;
using CrmBridge.Core.Model;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using CrmBridge.Sync;
using Microsoft.Extensions.Options;

namespace CrmBridge.Hosting.Status;

/// <summary>Builds the <see cref="StatusReport"/> from the Store and the schedule.</summary>
internal sealed class StatusReader(ICrmStore store, IOutboxStore outbox, IOptions<AmoCrmOptions> amo, StatusHealth health, TimeProvider time)
{
    public StatusReport Read()
    {
        var now = time.GetUtcNow();
        var ticks = new TickLog(store.Values).All();
        var (healthy, text) = health.Judge(ticks, now);
        var entries = outbox.List();
        var backlog = entries.GroupBy(e => OutboxStateNames.Of(e.State)).Select(g => new BacklogLine(g.Key, g.Count())).OrderBy(g => g.State, StringComparer.Ordinal).ToList();
        var ambiguous = entries.Where(e => e.State is OutboxState.Ambiguous or OutboxState.Interrupted).Select(Line).ToList();
        var failed = entries.Where(e => e.State == OutboxState.Failed).ToList();
        return health.Render(new StatusReport(
            now,
            ticks,
            healthy,
            text,
            backlog,
            ambiguous,
            failed.Count,
            [.. failed.OrderByDescending(e => e.UpdatedAt ?? e.CreatedAt).Take(StatusReport.FailedShown).Select(Line)],
            AmoTokenExpiry(),
            EnrichmentBacklog()));
    }

    private DateTimeOffset? AmoTokenExpiry()
    {
        // Only the OAuth pair has a known expiry; a long-lived token's is not known to CrmBridge.
        var options = amo.Value;
        return string.IsNullOrWhiteSpace(options.BaseUrl) || options.UsesLongLivedToken
            ? null
            : AmoTokenPair.FromJson(store.Values.Get(AmoTokenManager.StoreKeyFor(options.Account)))?.ExpiresAt;
    }

    private int EnrichmentBacklog() =>
        store.Companies.All()
            .Where(c => !c.IsDeleted && c.Inn is { } inn && Inn.Validate(inn) is null)
            .Select(c => c.Inn!)
            .Distinct(StringComparer.Ordinal)
            .Count(inn => store.Enrichment.Get(inn) is null);

    private static OutboxReportLine Line(OutboxEntry e) => new(e.Kind, e.Key, OutboxStateNames.Of(e.State), e.Summary, e.Attempts, e.LastError);
}
