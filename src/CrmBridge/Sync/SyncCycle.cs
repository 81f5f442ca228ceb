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
using Microsoft.Extensions.Configuration;
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
    IConfiguration configuration,
    PortalTimeZone zone,
    TimeProvider time,
    ILogger<SyncCycle> logger)
{
    /// <summary>Store value: INNs the last enrichment left for later ticks (while any, every card's INN is considered).</summary>
    public const string EnrichmentBacklogKey = "enrichment:backlog";

    private readonly TickLog ticks = new(store.Values);

    /// <param name="cancellationToken">Stops the tick.</param>
    /// <param name="progress">Steps for the person watching.</param>
    /// <param name="full">Evaluate every company, not only those changed or due (`once --full`).</param>
    public async Task<CycleResult> RunAsync(CancellationToken cancellationToken, IProgress<string>? progress = null, bool full = false)
    {
        var startedAt = time.GetUtcNow();

        progress?.Report("Reading the CRMs…");
        // A tick that will evaluate everything (asked for, or the weekly full) re-reads the reference lists too.
        var readAll = full || store.Values.Get(TickScope.WeekKey) != TickScope.Week(startedAt);
        var sources = await Task.WhenAll(connectors.Select(c => SyncOneAsync(c, readAll, cancellationToken)));
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

        var scope = TickScope.Decide(store, configuration, time.GetUtcNow(), full, new CompleteAccounts(sources).Keys);
        LogScope(scope.Full ? "every company" : $"{scope.Keys.Count} companies", scope.Reason);

        progress?.Report("Enriching INNs from the registries…");
        var clientBase = Load(scope, []);
        var enriched = await EnrichAsync(scope, clientBase, cancellationToken);
        if (!scope.Full && enriched.StoredInns.Count > 0)
        {
            // A refreshed registry answer can change a card no record change brought into this tick.
            clientBase = Load(scope, enriched.StoredInns);
        }

        var reviewed = review.Review(clientBase.Companies, time.GetUtcNow(), zone.Zone);
        if (Quarantine(reviewed.Findings) + StoreCategories(reviewed.Categories) > 0)
        {
            // A company newly found liquidated, or newly classified: rules and KPIs must see it as it is now.
            clientBase = Load(scope, enriched.StoredInns);
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
        if (sources.Length > 0 && complete.Count == sources.Length)
        {
            // Marks are cleared only when every CRM was judged: a failed one's changes wait for the next tick.
            ForgetGone(scope, clientBase);
            scope.Complete(store, configuration, startedAt);
        }

        progress?.Report("Executing actions…");
        var dispatched = await dispatcher.DispatchAsync(cancellationToken);
        var synced = sources.Count(s => s.Error is null);
        var findings = ruleReport.Findings.Count + duplicates.Findings.Count + reviewed.Findings.Count;
        LogCycle(synced, sources.Length, findings, dispatched.Done, dispatched.DryRun);
        return new CycleResult(startedAt, sources, enriched, duplicates, reviewed.Findings, ruleReport, dispatched) { Full = scope.Full, Evaluated = clientBase.Companies.Count };
    }

    /// <summary>The whole base, or the changed and due companies with the cards of the INNs just enriched.</summary>
    private ClientBase Load(TickScope scope, IReadOnlyList<string> enrichedInns)
    {
        if (scope.Full)
        {
            return store.LoadClientBase();
        }

        var keys = scope.Keys.ToList();
        foreach (var inn in enrichedInns)
        {
            keys.AddRange(store.Companies.ByInn(inn).Select(c => store.Accounts.Key(c.Ref)));
        }

        return keys.Count == 0 ? ClientBase.Empty : store.LoadClientBase(keys);
    }

    /// <summary>
    /// Every card's INN while an earlier tick left some for later (or on a full tick); otherwise only those of the
    /// cards this tick looks at: the others were asked about already.
    /// </summary>
    private async Task<Enrichment.EnrichmentTickSummary> EnrichAsync(TickScope scope, ClientBase clientBase, CancellationToken cancellationToken)
    {
        var backlog = store.Values.Get(EnrichmentBacklogKey) is { } text && text != "0";
        var summary = scope.Full || backlog
            ? await enrichment.RunAsync(cancellationToken)
            : await enrichment.RunAsync(clientBase.Companies.Select(c => c.Inn), cancellationToken);
        if (summary.Deferred > 0 || backlog)
        {
            store.Values.Set(EnrichmentBacklogKey, summary.Deferred.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return summary;
    }

    /// <summary>A company looked at but no longer live (deleted, gone) needs no due moment.</summary>
    private void ForgetGone(TickScope scope, ClientBase clientBase)
    {
        if (scope.Full)
        {
            return;
        }

        var live = clientBase.Companies.Select(c => store.Accounts.Key(c.Ref)).ToHashSet(StringComparer.Ordinal);
        var gone = scope.Keys.Where(k => k != ChangedCompanies.Everything && !k.StartsWith(ChangedCompanies.InnPrefix, StringComparison.Ordinal) && !live.Contains(k));
        store.Due.SetKeys(gone.Select(k => (k, (DateTimeOffset?)null)).ToList());
    }

    private async Task<SourceResult> SyncOneAsync(ICrmConnector connector, bool full, CancellationToken cancellationToken)
    {
        try
        {
            var summary = await connector.SyncAsync(full, cancellationToken);
            LogSynced(summary.Crm, summary.Account, summary.Companies, summary.Deals, summary.Activities, summary.Requests);
            return new SourceResult(connector.Crm, connector.Account, summary, null);
        }
        catch (CrmStopException ex)
        {
            // The admin must act (token, blocked account); the other CRM and the rest of the tick still run on stored data.
            // One line in words: a stack trace would only bury what the admin must do.
            LogStopped(connector.Crm, connector.Account, ex.Message);
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
    private partial void LogStopped(CrmKind crm, string account, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync of {Crm} {Account} failed; its checkpoints are kept and the next tick retries")]
    private partial void LogFailed(Exception exception, CrmKind crm, string account);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rules skip the cards of {Count} CRM(s) whose load did not complete this tick; they are evaluated once it does")]
    private partial void LogRulesSkipped(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No CRM is configured (Bitrix24:WebhookUrl, AmoCrm:BaseUrl): nothing to sync or evaluate")]
    private partial void LogNoCrm();

    [LoggerMessage(Level = LogLevel.Information, Message = "Tick evaluates {Scope} ({Reason})")]
    private partial void LogScope(string scope, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tick done: {Synced}/{Sources} CRMs read, {Findings} findings, {Done} actions executed, {DryRun} recorded in dry run")]
    private partial void LogCycle(int synced, int sources, int findings, int done, int dryRun);
}
