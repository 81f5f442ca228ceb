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
    public RuleEvaluation Evaluate(ClientBase clientBase, IReadOnlyList<IReadOnlyList<CrmRef>> innGroups)
    {
        ArgumentNullException.ThrowIfNull(innGroups);
        var now = time.GetUtcNow();
        var firstRunAt = FirstRunAt();
        var input = new RuleInput(clientBase, Settings(), now, _timeZone) { InnGroups = innGroups, FirstRunAt = firstRunAt };
        return new RuleEvaluation(now, firstRunAt, input, RuleEngine.Evaluate(input));
    }

    /// <summary>Records the first run, so timeouts found from now on may act.</summary>
    public void RecordFirstRun(DateTimeOffset at) => store.Values.Set(FirstRunKey, at.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>What the engine finds now, without planning any action (for the digest and the bot).</summary>
    public IReadOnlyList<Finding> Findings(ClientBase clientBase, IReadOnlyList<IReadOnlyList<CrmRef>> innGroups, DateTimeOffset now) =>
        RuleEngine.Evaluate(new RuleInput(clientBase, Settings(), now, _timeZone) { InnGroups = innGroups, FirstRunAt = FirstRunAt() });

    /// <summary>The engine's input over a client base, with the configured settings and the portal's time zone.</summary>
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
