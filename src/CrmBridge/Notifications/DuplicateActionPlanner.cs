using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Model;
using CrmBridge.Dedupe;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using Microsoft.Extensions.Options;

namespace CrmBridge.Notifications;

/// <summary>
/// Turns duplicate findings into outbox actions: a Telegram nudge to the owner of each non-master card (keyed by rule,
/// card and week, so a standing duplicate nudges once a week), and, opt-in, one comment on each duplicate card pointing
/// to its master (keyed by card and master, so it is written once). Nothing is deleted or merged.
/// </summary>
internal sealed class DuplicateActionPlanner(IChatDirectory chats, IOptions<DedupeOptions> options, IOptions<TelegramOptions> telegram)
{
    public IReadOnlyList<PlannedAction> Plan(
        DedupeResult result, Func<CrmRef, Uri?> cardUrl, IReadOnlyDictionary<string, string>? managerNames = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(cardUrl);
        var settings = options.Value;
        var text = new DuplicateNudgeText(telegram.Value.Language);
        var actions = new List<PlannedAction>();
        foreach (var finding in result.Findings.Where(f => f.Rule == RuleNames.Duplicate))
        {
            var data = finding.Data;
            var inn = data[DedupeDataKeys.Inn];
            var masterRef = CrmRef.ParseKey(data[DedupeDataKeys.MasterRef]);
            var masterTitle = data[DedupeDataKeys.MasterTitle];
            if (settings.NudgeOwners && finding.OwnerId is { Length: > 0 } owner && chats.ManagerChat(finding.Subject.Sibling(owner)) is { } chat)
            {
                var masterOwner = data.GetValueOrDefault(DedupeDataKeys.MasterOwner);
                var masterOwnerName = masterOwner is null ? null : managerNames?.GetValueOrDefault(masterRef.Sibling(masterOwner).Key) ?? masterOwner;
                var html = text.Nudge(data[DedupeDataKeys.Title], inn, cardUrl(finding.Subject), masterTitle, cardUrl(masterRef), masterOwnerName);
                actions.Add(new PlannedAction(
                    ActionKinds.TelegramMessage,
                    $"{ActionKinds.TelegramMessage}|{finding.Key}",
                    new TelegramMessagePayload(chat, html),
                    $"Nudge {owner} about duplicate {finding.Subject.Key} of {masterRef.Key}")
                {
                    Item = new NotificationItem(finding.Rule, finding.Severity, data[DedupeDataKeys.Title], cardUrl(finding.Subject), managerNames?.GetValueOrDefault(finding.Subject.Sibling(owner).Key) ?? owner, TelegramHtml.ToPlainText(html)),
                });
            }

            if (settings.CommentOnDuplicates)
            {
                actions.Add(new PlannedAction(
                    ActionKinds.CrmComment,
                    $"{ActionKinds.CrmComment}|{finding.Rule}|{finding.Subject.Key}|{masterRef.Key}",
                    new CompanyCommentPayload(finding.Subject, text.Comment(inn, masterTitle, cardUrl(masterRef), data[DedupeDataKeys.Reason])),
                    $"Comment on duplicate {finding.Subject.Key}: master is {masterRef.Key}"));
            }
        }

        return actions;
    }
}
