using System.Globalization;
using CrmBridge.Core.Model;

namespace CrmBridge.Notifications;

/// <summary>
/// One line of Telegram HTML per finding, shared by nudges and the digest. Reads the Data keys the rules and dedupe
/// engines write (restUntil, daysLeft, dueOn, action, reason, masterOwner, masterTitle, managerNames, ...); every value is
/// escaped, since names and reasons come from the CRM.
/// </summary>
internal sealed class FindingLine(BotLanguage language)
{
    private readonly NudgeTexts texts = NudgeTexts.For(language);
    private readonly CultureInfo culture = BotLanguages.Culture(language);

    public string Render(Finding finding, string companyHtml, IReadOnlyDictionary<string, string> managerNames)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(managerNames);
        var data = finding.Data;
        string Value(string key) => TelegramHtml.Escape(data.GetValueOrDefault(key) ?? "");
        string Day(string key) => TelegramHtml.Escape(FormatDate(data.GetValueOrDefault(key)));

        return finding.Rule switch
        {
            RuleNames.Cooldown => Format(texts.Cooldown, companyHtml, Day("restUntil"))
                + (data.GetValueOrDefault("managerName") is { Length: > 0 } maker
                    ? Format(texts.CooldownBy, TelegramHtml.Escape(maker), Day("contactAt"))
                    : ""),
            RuleNames.OwnershipWarning => Format(texts.OwnershipWarning, companyHtml, Value("daysLeft"), Day("dueOn")),
            RuleNames.OwnershipTimeout => Format(
                data.GetValueOrDefault("action") == "report" ? texts.OwnershipTimeoutReportOnly : texts.OwnershipTimeout,
                companyHtml,
                Value("daysWithoutProgress")),
            RuleNames.PostponedDue => Format(texts.PostponedDue, companyHtml, Day("dueOn")) + ReasonPart(data),
            RuleNames.Duplicate => OwnerOfMaster(data, managerNames) is { } owner
                ? Format(texts.Duplicate, companyHtml, TelegramHtml.Escape(owner))
                : Format(texts.DuplicateNoOwner, companyHtml, Value("masterTitle")),
            RuleNames.Conflict => Format(texts.Conflict, companyHtml, Value("managerNames")),
            RuleNames.QuarantineDue => Format(texts.QuarantineDue, companyHtml, Day("recheckOn")),
            RuleNames.Sleeping => Format(texts.Sleeping, companyHtml, Value("idleDays")),
            RuleNames.Liquidated => Format(texts.Liquidated, companyHtml),
            RuleNames.InvalidInn => Format(texts.InvalidInn, companyHtml, Value("inn")),
            _ => Format(texts.Other, companyHtml, TelegramHtml.Escape(finding.Rule)),
        };
    }

    /// <summary>
    /// The head's line for one group of same-INN cards: the master (linked) and who owns it, then the owners of the
    /// duplicates, each linked to that card. One line per group, so a group of three is not two identical lines.
    /// </summary>
    public string DuplicateGroup(string masterHtml, string inn, string? masterOwner, IEnumerable<(Uri? Url, string? Owner)> duplicates)
    {
        var owners = duplicates.Select(d => TelegramHtml.Link(d.Url, TelegramHtml.Escape(d.Owner ?? texts.NoOwner)));
        return Format(texts.DuplicateGroup, masterHtml, TelegramHtml.Escape(inn), TelegramHtml.Escape(masterOwner ?? texts.NoOwner), string.Join(", ", owners));
    }

    private string ReasonPart(IReadOnlyDictionary<string, string> data) =>
        data.GetValueOrDefault("reason") is { Length: > 0 } reason ? Format(texts.Reason, TelegramHtml.Escape(reason)) : "";

    private static string? OwnerOfMaster(IReadOnlyDictionary<string, string> data, IReadOnlyDictionary<string, string> managerNames)
    {
        var ownerId = data.GetValueOrDefault("otherOwner") ?? data.GetValueOrDefault("masterOwner");
        return string.IsNullOrEmpty(ownerId) ? null : managerNames.GetValueOrDefault(ownerId, ownerId);
    }

    /// <summary>Data dates are ISO (yyyy-MM-dd or a full moment); shown in the reader's format, raw if unparsable.</summary>
    private string FormatDate(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "—";
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString(texts.DateFormat, culture);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment)
            ? moment.ToString(texts.DateFormat + " HH:mm", culture)
            : value;
    }

    private string Format(string format, params object[] args) => string.Format(culture, format, args);
}
