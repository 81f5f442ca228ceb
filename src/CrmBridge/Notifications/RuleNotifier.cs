using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Foundation;
using CrmBridge.Outbox;
using CrmBridge.Rules;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBridge.Notifications;

/// <summary>
/// The rules part of a sync tick that acts: evaluates the rules and queues the resulting actions in the outbox. Safe to
/// run every tick and after a restart: action keys make each act happen once.
/// </summary>
internal sealed partial class RuleNotifier
{
    private readonly ICrmStore _store;
    private readonly RuleStep _rules;
    private readonly IOutbox _outbox;
    private readonly RuleActionPlanner _planner;
    private readonly bool _dryRun;
    private readonly ILogger<RuleNotifier> _logger;
    private readonly NotificationBatcher _batcher;

    public RuleNotifier(
        ICrmStore store,
        RuleStep rules,
        IOutbox outbox,
        IEnumerable<ICrmConnector> connectors,
        INudgeRenderer renderer,
        IChatDirectory chats,
        IOptions<RulesOptions> options,
        IOptions<TelegramOptions> telegram,
        IOptions<RunOptions> run,
        PortalTimeZone timeZone,
        ILogger<RuleNotifier> logger,
        NotificationBatcher batcher)
    {
        _batcher = batcher;
        _store = store;
        _rules = rules;
        _outbox = outbox;
        _dryRun = run.Value.DryRun;
        _planner = new RuleActionPlanner(connectors, renderer, chats, options.Value, timeZone.Zone, telegram.Value.Language);
        _logger = logger;
    }

    /// <summary>Evaluates and plans without touching the outbox or the Store (every action is "planned").</summary>
    public RuleReport Plan(IReadOnlyList<IReadOnlyList<CrmRef>> innGroups) => Evaluate(_store.LoadClientBase(), innGroups, enqueue: false);

    /// <summary>
    /// Evaluates, queues every action in the outbox (which, in a dry run, records without executing), and records
    /// the first run — except in a dry run, which acted on nothing, so the first real run is still the first.
    /// </summary>
    public RuleReport Run(IReadOnlyList<IReadOnlyList<CrmRef>> innGroups) => Run(_store.LoadClientBase(), innGroups);

    /// <summary>As <see cref="Run(IReadOnlyList{IReadOnlyList{CrmRef}})"/>, over a client base the caller already loaded.</summary>
    /// <param name="accounts">The CRM accounts ("crm:account") whose data is complete; their first run is recorded per CRM.</param>
    public RuleReport Run(ClientBase clientBase, IReadOnlyList<IReadOnlyList<CrmRef>> innGroups, IReadOnlyList<string>? accounts = null)
    {
        var report = Evaluate(clientBase, innGroups, enqueue: true, accounts);
        if (report.FirstRun && !_dryRun)
        {
            _rules.RecordFirstRun(report.GeneratedAt, accounts);
        }

        return report;
    }

    private RuleReport Evaluate(ClientBase clientBase, IReadOnlyList<IReadOnlyList<CrmRef>> innGroups, bool enqueue, IReadOnlyList<string>? accounts = null)
    {
        var evaluation = _rules.Evaluate(clientBase, innGroups, accounts);
        var (now, firstRunAt, input, findings) = evaluation;
        if (enqueue)
        {
            // Each company's next due moment, for the incremental ticks that follow.
            _rules.RecordDue(evaluation);
        }

        var namesByAccount = clientBase.Managers
            .GroupBy(m => (m.Ref.Crm, m.Ref.Account))
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, string>)g.GroupBy(m => m.Ref.Id).ToDictionary(m => m.Key, m => m.Last().Name));
        var reportFindings = new List<RuleReportFinding>(findings.Count);
        var reportActions = new List<RuleReportAction>();
        foreach (var finding in findings)
        {
            var company = input.Index.Company(finding.Subject);
            reportFindings.Add(RuleReportFinding.From(finding, company));
            if (company is null)
            {
                continue;
            }

            var names = namesByAccount.GetValueOrDefault((company.Ref.Crm, company.Ref.Account)) ?? new Dictionary<string, string>();
            foreach (var action in _planner.Plan(finding, company, names, now))
            {
                if (enqueue && action.Payload is TelegramMessagePayload)
                {
                    // Messages go out per recipient, merged or summarised, once every finding is known.
                    _batcher.Add(action);
                    continue;
                }

                var state = !enqueue ? RuleReportAction.Planned
                    : _outbox.Enqueue(action) ? RuleReportAction.Queued
                    : RuleReportAction.Known;
                reportActions.Add(new RuleReportAction(action.Kind, action.Key, state, finding.Key, action.Summary));
            }
        }

        if (enqueue)
        {
            foreach (var (action, queuedNow) in _batcher.Flush(firstRunAt is null))
            {
                reportActions.Add(new RuleReportAction(action.Kind, action.Key, queuedNow ? RuleReportAction.Queued : RuleReportAction.Known, "", action.Summary));
            }
        }

        var queued = reportActions.Count(a => a.State == RuleReportAction.Queued);
        LogEvaluated(_logger, findings.Count, queued, firstRunAt is null);
        return new RuleReport(now, firstRunAt is null, reportFindings, reportActions);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rules: {Findings} findings, {Queued} new actions queued (first run: {FirstRun})")]
    private static partial void LogEvaluated(ILogger logger, int findings, int queued, bool firstRun);
}
