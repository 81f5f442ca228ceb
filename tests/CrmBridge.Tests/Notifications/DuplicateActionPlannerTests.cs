using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Model;
using CrmBridge.Dedupe;
using CrmBridge.Foundation;
using CrmBridge.Notifications;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using Microsoft.Extensions.Options;
using static CrmBridge.Tests.Dedupe.DedupeCards;

namespace CrmBridge.Tests.Notifications;

public class DuplicateActionPlannerTests
{
    private static readonly Company Master = Card(CrmKind.Bitrix24, "1", "Ромашка", "7707083893", owner: "7", ageDays: 300);
    private static readonly Company Copy = Card(CrmKind.AmoCrm, "2", "ООО «Ромашка»", "7707083893", owner: "501", ageDays: 10);

    private static IReadOnlyList<PlannedAction> Plan(DedupeOptions options, string language = "ru", DateTimeOffset? now = null) =>
        new DuplicateActionPlanner(new Chats(), Options.Create(options), Options.Create(new TelegramOptions { Language = language }))
            .Plan(DuplicateFinder.Find([Master, Copy], now ?? Now), Url, new Dictionary<string, string> { ["bitrix24:portal.bitrix24.ru:7"] = "Пётр Петров" });

    [Fact]
    public void The_owner_of_the_duplicate_is_nudged_in_Russian_with_both_links_and_the_master_owner()
    {
        var action = Assert.Single(Plan(new DedupeOptions()));

        Assert.Equal(ActionKinds.TelegramMessage, action.Kind);
        var message = Assert.IsType<TelegramMessagePayload>(action.Payload);
        Assert.Equal(501_000, message.ChatId);
        Assert.Contains("дубликат", message.Html, StringComparison.Ordinal);
        Assert.Contains("https://firm.amocrm.ru/crm/company/details/2/", message.Html, StringComparison.Ordinal);
        Assert.Contains("https://portal.bitrix24.ru/crm/company/details/1/", message.Html, StringComparison.Ordinal);
        Assert.Contains("Пётр Петров", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void English_is_used_when_configured()
    {
        var message = Assert.IsType<TelegramMessagePayload>(Assert.Single(Plan(new DedupeOptions(), "en")).Payload);

        Assert.StartsWith("Your card", message.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_nudge_key_repeats_within_a_week_and_changes_the_next_week()
    {
        var monday = Assert.Single(Plan(new DedupeOptions(), now: new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(3))));
        var friday = Assert.Single(Plan(new DedupeOptions(), now: new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.FromHours(3))));
        var nextWeek = Assert.Single(Plan(new DedupeOptions(), now: new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(3))));

        Assert.Equal(monday.Key, friday.Key);
        Assert.NotEqual(monday.Key, nextWeek.Key);
        Assert.Equal("telegram.message|duplicate|amocrm:firm.amocrm.ru:2|2026-W48", monday.Key);
    }

    [Fact]
    public void The_opt_in_comment_points_the_duplicate_to_its_master_once()
    {
        var actions = Plan(new DedupeOptions { NudgeOwners = false, CommentOnDuplicates = true });

        var comment = Assert.Single(actions);
        Assert.Equal(ActionKinds.CrmComment, comment.Kind);
        var payload = Assert.IsType<CompanyCommentPayload>(comment.Payload);
        Assert.Equal(Copy.Ref, payload.Company);
        Assert.Contains("https://portal.bitrix24.ru/crm/company/details/1/", payload.Text, StringComparison.Ordinal);
        Assert.Contains("Ничего не объединено и не удалено", payload.Text, StringComparison.Ordinal);
        Assert.Equal("crm.comment|duplicate|amocrm:firm.amocrm.ru:2|bitrix24:portal.bitrix24.ru:1", comment.Key);
    }

    [Fact]
    public void No_comment_unless_opted_in_and_no_nudge_without_a_chat()
    {
        var orphan = Copy with { OwnerId = "999" };
        var actions = new DuplicateActionPlanner(new Chats(), Options.Create(new DedupeOptions()), Options.Create(new TelegramOptions()))
            .Plan(DuplicateFinder.Find([Master, orphan], Now), Url);

        Assert.Empty(actions);
    }

    private sealed class Chats : IChatDirectory
    {
        public IReadOnlyList<ChatAddress> HeadChatIds => [1];

        public ChatAddress? ManagerChat(CrmRef manager) => manager.Id == "501" ? 501_000 : null;
    }
}
