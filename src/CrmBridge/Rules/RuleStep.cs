using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using CrmBridge.Hosting;
using CrmBridge.Notifications;
using CrmBridge.Outbox;
using CrmBridge.People;
using CrmBridge.Storage;
using CrmBridge.Sync;
using CrmBridge.Telegram;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBridge.Rules;

/// <summary>
/// The rules part of a sync tick: evaluates every rule over the Store's client base and queues the resulting
/// actions in the outbox. Safe to run every tick and after a restart: action keys make each act happen once.
/// </summary>
internal sealed partial class RuleStep
{
    /// <summary>Store value holding when the rules first ran (round-trip "O" format).</summary>
    public const string FirstRunKey = "rules:first-run-at";

    private readonly ICrmStore _store;
    private readonly IOutbox _outbox;
    private readonly RuleActionPlanner _planner;
    private readonly RulesOptions _options;
    private readonly PeopleConfiguration _people;
    private readonly NotificationBatcher _batcher;
    private readonly bool _dryRun;
    private readonly TimeZoneInfo _timeZone;
    private readonly TimeProvider _time;
    private readonly ILogger<RuleStep> _logger;

    public RuleStep(
        ICrmStore store,
        IOutbox outbox,
        IEnumerable<ICrmConnector> connectors,
        INudgeRenderer renderer,
        IChatDirectory chats,
        IOptions<RulesOptions> options,
        IOptions<TelegramOptions> telegram,
        IOptions<RunOptions> run,
        PortalTimeZone timeZone,
        TimeProvider time,
        ILogger<RuleStep> logger,
        PeopleConfiguration people,
        NotificationBatcher batcher)
    {
        _people = people;
        _batcher = batcher;
        _store = store;
        _outbox = outbox;
        _options = options.Value;
        _dryRun = run.Value.DryRun;
        _timeZone = timeZone.Zone;
        _planner = new RuleActionPlanner(connectors, renderer, chats, _options, _timeZone, telegram.Value.Language);
        _time = time;
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
    public RuleReport Run(ClientBase clientBase, IReadOnlyList<IReadOnlyList<CrmRef>> innGroups)
    {
        var report = Evaluate(clientBase, innGroups, enqueue: true);
        if (report.FirstRun && !_dryRun)
        {
            _store.Values.Set(FirstRunKey, report.GeneratedAt.ToString("O", CultureInfo.InvariantCulture));
        }

        return report;
    }

    private RuleReport Evaluate(ClientBase clientBase, IReadOnlyList<IReadOnlyList<CrmRef>> innGroups, bool enqueue)
    {
        ArgumentNullException.ThrowIfNull(innGroups);
        var now = _time.GetUtcNow();
        var firstRunAt = FirstRunAt();
        var input = new RuleInput(clientBase, Settings(), now, _timeZone) { InnGroups = innGroups, FirstRunAt = firstRunAt };
        var findings = RuleEngine.Evaluate(input);

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

    /// <summary>What the engine finds now, without planning any action (for the digest and the bot).</summary>
    public IReadOnlyList<Finding> Findings(ClientBase clientBase, IReadOnlyList<IReadOnlyList<CrmRef>> innGroups, DateTimeOffset now) =>
        RuleEngine.Evaluate(new RuleInput(clientBase, Settings(), now, _timeZone) { InnGroups = innGroups, FirstRunAt = FirstRunAt() });

    /// <summary>The engine's input over a client base, with the configured settings and the portal's time zone.</summary>
    public RuleInput Input(ClientBase clientBase, DateTimeOffset now) => new(clientBase, Settings(), now, _timeZone);

    /// <summary>The rules' settings with the People section's answer to who is nobody's manager.</summary>
    public RuleSettings Settings() => _options.ToRuleSettings(_people.Settings);

    private DateTimeOffset? FirstRunAt()
    {
        var stored = _store.Values.Get(FirstRunKey);
        if (stored is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(stored, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return at;
        }

        // Unreadable: treat this run as the first, which only ever makes timeouts report-only (the safe side).
        LogBadFirstRun(_logger, FirstRunKey);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rules: {Findings} findings, {Queued} new actions queued (first run: {FirstRun})")]
    private static partial void LogEvaluated(ILogger logger, int findings, int queued, bool firstRun);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rules: the stored value {Key} is not a date; treating this run as the first")]
    private static partial void LogBadFirstRun(ILogger logger, string key);
}
