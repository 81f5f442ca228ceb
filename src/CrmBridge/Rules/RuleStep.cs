using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using CrmBridge.Foundation;
using CrmBridge.People;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBridge.Rules;

/// <summary>
/// The rules part of a sync tick: evaluates every rule over the Store's client base with the configured settings and
/// the portal's time zone, and remembers when the rules first ran. Turning findings into messages and CRM writes is the
/// notifications edge's job (RuleNotifier), so this step knows neither.
/// </summary>
internal sealed partial class RuleStep(
    ICrmStore store,
    IOptions<RulesOptions> options,
    PortalTimeZone timeZone,
    TimeProvider time,
    ILogger<RuleStep> logger,
    PeopleConfiguration people)
{
    /// <summary>Store value holding when the rules first ran (round-trip "O" format).</summary>
    public const string FirstRunKey = "rules:first-run-at";

    private readonly RulesOptions _options = options.Value;
    private readonly TimeZoneInfo _timeZone = timeZone.Zone;

    /// <summary>Evaluates every rule now, with the duplicate groups found by dedupe.</summary>
    /// <param name="accounts">
    /// The CRM accounts ("crm:account") evaluated; when given, the first run is the latest of theirs, and null while any
    /// of them has none yet (a CRM read for the first time acts on nothing it finds already due).
    /// </param>
    public RuleEvaluation Evaluate(ClientBase clientBase, IReadOnlyList<IReadOnlyList<CrmRef>> innGroups, IReadOnlyList<string>? accounts = null)
    {
        ArgumentNullException.ThrowIfNull(innGroups);
        var now = time.GetUtcNow();
        var firstRunAt = accounts is null ? FirstRunAt() : FirstRunAt(accounts);
        var input = new RuleInput(clientBase, Settings(), now, _timeZone) { InnGroups = innGroups, FirstRunAt = firstRunAt };
        return new RuleEvaluation(now, firstRunAt, input, RuleEngine.Evaluate(input));
    }

    /// <summary>
    /// Stores when each company of the evaluated base must be looked at again if nothing about it changes, so an
    /// incremental tick finds what a full evaluation would (see <see cref="RuleDue"/>).
    /// </summary>
    public void RecordDue(RuleEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var input = evaluation.Input;
        var withFindings = evaluation.Findings.Select(f => f.Subject).ToHashSet();
        var windows = RuleDue.ConflictWindows(input);
        var due = input.LiveCompanies.Select(c => (c.Ref, RuleDue.Next(input, c, windows, withFindings.Contains(c.Ref), _options.RepeatInterval))).ToList();
        store.InTransaction(() => store.Due.Set(due));
    }

    /// <summary>Records the first run, so timeouts found from now on may act.</summary>
    public void RecordFirstRun(DateTimeOffset at, IReadOnlyList<string>? accounts = null)
    {
        var text = at.ToString("O", CultureInfo.InvariantCulture);
        if (store.Values.Get(FirstRunKey) is null)
        {
            store.Values.Set(FirstRunKey, text);
        }

        if (accounts is { Count: > 0 } && !PerCrmRecorded())
        {
            store.Values.Set(FirstRunKey + ":recorded-per-crm", text);
        }

        foreach (var account in accounts ?? [])
        {
            if (store.Values.Get(FirstRunKey + ":" + account) is null)
            {
                store.Values.Set(FirstRunKey + ":" + account, text);
            }
        }
    }

    /// <summary>The latest first run among the accounts; null while one has none (a file from before per-CRM runs counts the global one).</summary>
    private DateTimeOffset? FirstRunAt(IReadOnlyList<string> accounts)
    {
        DateTimeOffset? latest = null;
        foreach (var account in accounts)
        {
            var own = store.Values.Get(FirstRunKey + ":" + account) ?? (PerCrmRecorded() ? null : store.Values.Get(FirstRunKey));
            if (own is null || !DateTimeOffset.TryParseExact(own, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                return null;
            }

            latest = latest is null || at > latest ? at : latest;
        }

        return latest;
    }

    /// <summary>Whether any per-CRM first run exists; before that, a stored global first run stands for every CRM.</summary>
    private bool PerCrmRecorded() => store.Values.Get(FirstRunKey + ":recorded-per-crm") is not null;

    /// <summary>What the engine finds now, without planning any action (for the digest and the bot).</summary>
    public IReadOnlyList<Finding> Findings(ClientBase clientBase, IReadOnlyList<IReadOnlyList<CrmRef>> innGroups, DateTimeOffset now) =>
        RuleEngine.Evaluate(new RuleInput(clientBase, Settings(), now, _timeZone) { InnGroups = innGroups, FirstRunAt = FirstRunAt() });

    /// <summary>The engine's input over a client base, with the configured settings and the portal's time zone.</summary>
    /// <summary>The portal's time zone the rules count days and weeks in.</summary>
    public TimeZoneInfo TimeZone => _timeZone;

    public RuleInput Input(ClientBase clientBase, DateTimeOffset now) => new(clientBase, Settings(), now, _timeZone);

    /// <summary>The rules' settings with the People section's answer to who is nobody's manager.</summary>
    public RuleSettings Settings() => _options.ToRuleSettings(people.Settings);

    private DateTimeOffset? FirstRunAt()
    {
        var stored = store.Values.Get(FirstRunKey);
        if (stored is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(stored, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return at;
        }

        // Unreadable: treat this run as the first, which only ever makes timeouts report-only (the safe side).
        LogBadFirstRun(logger, FirstRunKey);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rules: the stored value {Key} is not a date; treating this run as the first")]
    private static partial void LogBadFirstRun(ILogger logger, string key);
}
