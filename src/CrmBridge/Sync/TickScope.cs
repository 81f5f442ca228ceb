using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CrmBridge.Notifications;
using CrmBridge.Rules;
using CrmBridge.Storage;
using Microsoft.Extensions.Configuration;

namespace CrmBridge.Sync;

/// <summary>
/// What a tick evaluates: the companies whose records changed plus those that fell due, or — when that cannot be
/// trusted to equal a full evaluation — everything: on request (`once --full`), on the first run, after users or
/// pipelines changed, after the settings that shape findings and actions changed (a manager's chat linked or removed
/// through the bot counts: standing findings then reach the new chat), and once a week (duplicate nudges repeat weekly,
/// and stale registry profiles are refreshed then).
/// </summary>
internal sealed record TickScope(bool Full, string Reason, IReadOnlyList<string> ChangedKeys, IReadOnlyList<string> Keys)
{
    public const string SettingsKey = "tick:settings";
    public const string WeekKey = "tick:week";

    /// <summary>The configuration sections whose values change what the rules, dedupe and planners produce.</summary>
    private static readonly string[] Sections = ["Rules", "Dedupe", "Telegram:HeadChatIds", "Telegram:ManagerChats", "Telegram:Language", "Enrichment:CategoryCriteria", "Enrichment:WriteBackEmptyFields", "Schedule:TimeZone", "Kpi"];

    /// <param name="accounts">"crm:account" of every configured CRM: one whose first run is not recorded is judged in full.</param>
    public static TickScope Decide(ICrmStore store, IConfiguration configuration, DateTimeOffset now, bool full, IEnumerable<string> accounts)
    {
        ArgumentNullException.ThrowIfNull(store);
        var changed = store.Changed.Keys();
        var perCrm = store.Values.Get(RuleStep.FirstRunKey + ":recorded-per-crm") is not null;
        var reason = full ? "asked for"
            : store.Values.Get(RuleStep.FirstRunKey) is null ? "first run"
            : perCrm && accounts.Any(a => store.Values.Get(RuleStep.FirstRunKey + ":" + a) is null) ? "first run of a CRM"
            : ChangedCompanies.IsEverything(changed) ? "users or pipelines changed"
            : store.Values.Get(SettingsKey) != Fingerprint(configuration, store) ? "settings changed"
            : store.Values.Get(WeekKey) != Week(now) ? "a new week"
            : null;
        if (reason is not null)
        {
            return new TickScope(true, reason, changed, []);
        }

        var keys = changed.Concat(store.Due.DueBy(now)).Distinct(StringComparer.Ordinal).ToList();
        return new TickScope(false, "changed or due", changed, keys);
    }

    /// <summary>After the tick: its marks are done, and what it evaluated under is remembered.</summary>
    public void Complete(ICrmStore store, IConfiguration configuration, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        store.InTransaction(() => store.Changed.Clear(ChangedKeys));
        if (Full)
        {
            store.Values.Set(SettingsKey, Fingerprint(configuration, store));
            store.Values.Set(WeekKey, Week(now));
        }
    }

    /// <summary>The ISO week dedupe stamps its findings with (of the UTC date).</summary>
    public static string Week(DateTimeOffset now) =>
        $"{ISOWeek.GetYear(now.UtcDateTime.Date)}-W{ISOWeek.GetWeekOfYear(now.UtcDateTime.Date).ToString("00", CultureInfo.InvariantCulture)}";

    /// <summary>A hash of the settings (never stored in clear: the sections hold no secret, but the hash is all we need).</summary>
    public static string Fingerprint(IConfiguration configuration, ICrmStore store)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(store);
        var text = new StringBuilder();
        if (store.Values.Get(ManagerLinkStore.LinksKey) is { } links)
        {
            text.Append(ManagerLinkStore.LinksKey).Append('=').Append(links).Append('\n');
        }
        foreach (var section in Sections)
        {
            foreach (var (key, value) in configuration.GetSection(section).AsEnumerable().OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                text.Append(key).Append('=').Append(value).Append('\n');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
