using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;
using CrmBridge.Crm;
using CrmBridge.Foundation;
using CrmBridge.Outbox;
using CrmBridge.Rules;
using CrmBridge.Storage;

namespace CrmBridge.Notifications;

/// <summary>
/// Turns findings into outbox actions. Keys are the finding's key (rule|subject|period) plus the recipient, so a
/// finding that holds for many ticks acts once per period; with a repeat interval, nudges to managers repeat once
/// per interval. Head alerts and releases never repeat.
/// </summary>
internal sealed class RuleActionPlanner(
    IEnumerable<ICrmConnector> connectors, INudgeRenderer renderer, IChatDirectory chats, RulesOptions options, TimeZoneInfo timeZone, string language)
{
    private readonly IReadOnlyList<ICrmConnector> _connectors = [.. connectors];

    /// <param name="finding">What a rule found.</param>
    /// <param name="company">The finding's subject card.</param>
    /// <param name="managerNames">User id → name in the card's CRM account, for the renderer.</param>
    /// <param name="now">The tick's moment; picks the repeat slot.</param>
    public IReadOnlyList<PlannedAction> Plan(Finding finding, Company company, IReadOnlyDictionary<string, string> managerNames, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(company);

        var actions = new List<PlannedAction>();
        switch (finding.Rule)
        {
            case RuleNames.Cooldown or RuleNames.OwnershipWarning or RuleNames.PostponedDue:
                AddManagerNudge(actions, finding, company, managerNames, now);
                break;
            case RuleNames.Conflict or RuleNames.QuarantineDue:
                AddHeadAlerts(actions, finding, company, managerNames);
                break;
            case RuleNames.OwnershipTimeout:
                AddHeadAlerts(actions, finding, company, managerNames);
                AddRelease(actions, finding, company);
                break;
            default:
                // Sleeping clients form the reactivation list of the report and digest; nobody is nudged per card.
                break;
        }

        return actions;
    }

    private void AddManagerNudge(List<PlannedAction> actions, Finding finding, Company company, IReadOnlyDictionary<string, string> names, DateTimeOffset now)
    {
        if (finding.OwnerId is null || chats.ManagerChat(company.Ref.Sibling(finding.OwnerId)) is not { } chatId)
        {
            return;
        }

        actions.Add(Message(finding, company, names, RepeatSuffix(now), chatId, $"manager {finding.OwnerId}"));
    }

    private void AddHeadAlerts(List<PlannedAction> actions, Finding finding, Company company, IReadOnlyDictionary<string, string> names)
    {
        foreach (var chatId in chats.HeadChatIds)
        {
            actions.Add(Message(finding, company, names, repeatSuffix: "", chatId, "head"));
        }
    }

    private void AddRelease(List<PlannedAction> actions, Finding finding, Company company)
    {
        if (finding.Data.GetValueOrDefault("action") != OwnershipRule.ActionRelease
            || finding.Data.GetValueOrDefault("poolUserId") is not { Length: > 0 } poolUserId)
        {
            return;
        }

        actions.Add(new PlannedAction(
            ActionKinds.CrmReassign,
            $"{finding.Key}|reassign",
            new ReassignCompanyPayload(company.Ref, poolUserId, ReleaseComment.For(finding, language)),
            $"reassign {company.Ref.Key} from {finding.OwnerId} to pool user {poolUserId}"));
    }

    private PlannedAction Message(
        Finding finding, Company company, IReadOnlyDictionary<string, string> names, string repeatSuffix, ChatAddress chatId, string recipient)
    {
        var url = CardUrl(company.Ref);
        var html = renderer.Render(finding, company, url, names);
        var owner = finding.OwnerId is { } ownerId ? names.GetValueOrDefault(ownerId, ownerId) : "";
        return new PlannedAction(
            ActionKinds.TelegramMessage,
            $"{finding.Key}|tg:{chatId.ToString()}{repeatSuffix}",
            new TelegramMessagePayload(chatId, html),
            $"{finding.Rule} about {company.Ref.Key} to {recipient} (chat {chatId.ToString()})")
        {
            Item = new NotificationItem(finding.Rule, finding.Severity, company.Title, url, owner, TelegramHtml.ToPlainText(html)),
        };
    }

    private Uri CardUrl(CrmRef company)
    {
        var connector = _connectors.FirstOrDefault(c => c.Crm == company.Crm && c.Account == company.Account);
        // A card of a CRM no longer configured still gets a link to its portal rather than no message.
        return connector?.CardUrl(company) ?? new Uri($"https://{company.Account}/");
    }

    private string RepeatSuffix(DateTimeOffset now)
    {
        if (options.RepeatInterval is not { } interval || interval <= TimeSpan.Zero)
        {
            return "";
        }

        // Slots count from local midnight, so a daily repeat falls on portal days, not on UTC days.
        var slot = TimeZoneInfo.ConvertTime(now, timeZone).DateTime.Ticks / interval.Ticks;
        return $"|r{slot.ToString(CultureInfo.InvariantCulture)}";
    }
}
