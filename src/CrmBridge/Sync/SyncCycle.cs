using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using CrmBridge.Crm;
using CrmBridge.Dedupe;
using CrmBridge.Enrichment;
using CrmBridge.Foundation;
using CrmBridge.Notifications;
using CrmBridge.Outbox;
using CrmBridge.Rules;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBridge.Sync;

/// <summary>
/// One tick of the sync job: pull what changed from every configured CRM, enrich the INNs the cache lacks, dedupe,
/// evaluate the rules, and let the outbox execute the resulting actions.
/// </summary>
internal sealed partial class SyncCycle(
    IEnumerable<ICrmConnector> connectors,
    ICrmStore store,
    EnrichmentStep enrichment,
    EnrichmentReview review,
    DedupeRun dedupe,
    DuplicateNotifier duplicateNotifier,
    RuleNotifier rules,
    IOutbox outbox,
    OutboxDispatcher dispatcher,
    IOptions<RulesOptions> rulesOptions,
    PortalTimeZone zone,
    TimeProvider time,
    ILogger<SyncCycle> logger)
{
    private readonly TickLog ticks = new(store.Values);

    public async Task<CycleResult> RunAsync(CancellationToken cancellationToken, IProgress<string>? progress = null)
    {
        var startedAt = time.GetUtcNow();

        progress?.Report("Reading the CRMs…");
        var sources = await Task.WhenAll(connectors.Select(c => SyncOneAsync(c, cancellationToken)));
        foreach (var source in sources)
        {
            ticks.Record(source.Crm, source.Account, startedAt, source.Error);
        }

        if (sources.Length == 0)
        {
            // Nothing to evaluate yet; running the rules now would record a "first run" over an empty base and
            // let the real first run release cards whose history CrmBridge never saw.
            LogNoCrm();
        }

        progress?.Report("Enriching INNs from the registries…");
        var enriched = await enrichment.RunAsync(cancellationToken);
        var clientBase = store.LoadClientBase();
        var reviewed = review.Review(clientBase.Companies, time.GetUtcNow(), zone.Zone);
        if (Quarantine(reviewed.Findings) + StoreCategories(reviewed.Categories) > 0)
        {
            // A company newly found liquidated, or newly classified: rules and KPIs must see it as it is now.
            clientBase = store.LoadClientBase();
        }

        foreach (var action in reviewed.Actions)
        {
            outbox.Enqueue(action);
        }

        progress?.Report("Deduping by INN and evaluating the rules…");
        var (duplicates, _) = await dedupe.RunAsync(clientBase, report: null, cancellationToken);
        duplicateNotifier.Queue(clientBase, duplicates);
        // Rules judge only CRMs whose load completed this tick; a failed CRM is evaluated again once it is read.
        var complete = new CompleteAccounts(sources);
        if (complete.Count < sources.Length)
        {
            LogRulesSkipped(sources.Length - complete.Count);
        }

        var ruleReport = complete.Count == 0
            ? new RuleReport(startedAt, FirstRun: false, [], [])
            : rules.Run(complete.Count == sources.Length ? clientBase : complete.Filter(clientBase), duplicates.InnGroupRefs, complete.Keys);

        progress?.Report("Executing actions…");
        var dispatched = await dispatcher.DispatchAsync(cancellationToken);
        var synced = sources.Count(s => s.Error is null);
        var findings = ruleReport.Findings.Count + duplicates.Findings.Count + reviewed.Findings.Count;
        LogCycle(synced, sources.Length, findings, dispatched.Done, dispatched.DryRun);
        return new CycleResult(startedAt, sources, enriched, duplicates, reviewed.Findings, ruleReport, dispatched);
    }

    private async Task<SourceResult> SyncOneAsync(ICrmConnector connector, CancellationToken cancellationToken)
    {
        try
        {
            var summary = await connector.SyncAsync(cancellationToken);
            LogSynced(summary.Crm, summary.Account, summary.Companies, summary.Deals, summary.Activities, summary.Requests);
            return new SourceResult(connector.Crm, connector.Account, summary, null);
        }
        catch (CrmStopException ex)
        {
            // The admin must act (token, blocked account); the other CRM and the rest of the tick still run on stored data.
            LogStopped(ex, connector.Crm, connector.Account, ex.Message);
            return new SourceResult(connector.Crm, connector.Account, null, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One CRM's failure (network, a list the portal refused) must not cost the other CRM its tick.
            LogFailed(ex, connector.Crm, connector.Account);
            return new SourceResult(connector.Crm, connector.Account, null, ex.Message);
        }
    }

    /// <summary>The category decisions enrichment made or changed are stored on the cards; returns how many.</summary>
    private int StoreCategories(IReadOnlyList<(Company Card, Core.Classification.CategoryDecision Decision)> decisions)
    {
        if (decisions.Count > 0)
        {
            store.Companies.Upsert(decisions.Select(d => d.Card with { CategoryDecision = d.Decision }));
        }

        return decisions.Count;
    }

    /// <summary>
    /// A company the registry reports liquidated or bankrupt leaves the working base until its re-check date;
    /// returns how many cards were newly quarantined.
    /// </summary>
    private int Quarantine(IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return 0;
        }

        var settings = rulesOptions.Value.ToRuleSettings(Core.People.PeopleSettings.Empty);
        var calendar = new PortalCalendar(zone.Zone);
        var now = time.GetUtcNow();
        var quarantined = findings
            .Where(f => f.Rule == RuleNames.Liquidated)
            .Select(f => store.Companies.Find(f.Subject))
            .OfType<Company>()
            .Where(c => c.QuarantinedUntil is null)
            .Select(c => c with { QuarantinedUntil = WorkingBase.DefaultQuarantineRecheck(now, settings, calendar) })
            .ToList();
        return store.Companies.Upsert(quarantined);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Synced {Crm} {Account}: {Companies} companies, {Deals} deals, {Activities} activities in {Requests} requests")]
    private partial void LogSynced(CrmKind crm, string account, int companies, int deals, int activities, int requests);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync of {Crm} {Account} stopped: {Reason}")]
    private partial void LogStopped(Exception exception, CrmKind crm, string account, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync of {Crm} {Account} failed; its checkpoints are kept and the next tick retries")]
    private partial void LogFailed(Exception exception, CrmKind crm, string account);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rules skip the cards of {Count} CRM(s) whose load did not complete this tick; they are evaluated once it does")]
    private partial void LogRulesSkipped(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No CRM is configured (Bitrix24:WebhookUrl, AmoCrm:BaseUrl): nothing to sync or evaluate")]
    private partial void LogNoCrm();

    [LoggerMessage(Level = LogLevel.Information, Message = "Tick done: {Synced}/{Sources} CRMs read, {Findings} findings, {Done} actions executed, {DryRun} recorded in dry run")]
    private partial void LogCycle(int synced, int sources, int findings, int done, int dryRun);
}
