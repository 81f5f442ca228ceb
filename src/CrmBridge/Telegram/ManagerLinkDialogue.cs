using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using CrmBridge.Core.Model;
using CrmBridge.Foundation;
using CrmBridge.Notifications;
using CrmBridge.People;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace CrmBridge.Telegram;

/// <summary>
/// Managers link their own chat: /start in a private chat → the bot asks for the work e-mail → the CRM users with that
/// e-mail are looked up in the Store → every head chat gets a request with Approve / Reject buttons → the first head to
/// press decides; the manager is told, every head's copy shows who decided. /team lists the links with a Remove button
/// each. Only head chats may press the buttons or see /team. Everything lives in <see cref="ManagerLinkStore"/>, so a
/// restart loses neither a link, a waiting request, nor a chat that was asked for its e-mail.
/// </summary>
internal sealed partial class ManagerLinkDialogue(
    ChatDirectory directory,
    ManagerLinkStore links,
    PeopleDirectorySource people,
    ICrmStore store,
    PortalTimeZone zone,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<ManagerLinkDialogue> logger)
{
    /// <summary>callback_data: "link:a:ID" approve, "link:r:ID" reject, "link:x:CHAT" remove; well under Telegram's 64 bytes.</summary>
    public const string CallbackPrefix = "link:";

    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    private readonly BotTexts texts = BotTexts.For(BotLanguages.Parse(options.Value.Language));

    /// <summary>A chat a manager can link: private, not a head's, and not anybody's chat yet (configured or linked).</summary>
    public bool CanLink(Chat chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return chat.Type == ChatType.Private && !directory.IsHead(chat.Id) && directory.UsersOf(chat.Id).Count == 0;
    }

    public bool IsAwaitingEmail(long chatId) => links.IsAwaiting(chatId);

    /// <summary>/start from a chat that can be linked: ask for the work e-mail and remember that we asked.</summary>
    public async Task StartAsync(ITelegramBotClient bot, long chatId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        links.Await(chatId, time.GetUtcNow());
        LogAsked(logger, chatId);
        await ReplyAsync(bot, chatId, Format(texts.LinkAskEmail, chatId), cancellationToken);
    }

    /// <summary>The answer to "your work e-mail?": checked, looked up, and (once per person) put before the heads.</summary>
    public async Task EmailAsync(ITelegramBotClient bot, Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(message);
        var chatId = message.Chat.Id;
        var text = (message.Text ?? "").Trim();
        if (!TryEmail(text, out var email))
        {
            await ReplyAsync(bot, chatId, Format(texts.LinkBadEmail, TelegramHtml.Escape(Shorten(text))), cancellationToken);
            return;
        }

        var users = store.Managers.All().Where(user => string.Equals(user.Email?.Trim(), email, StringComparison.OrdinalIgnoreCase)).ToList();
        if (users.Count == 0)
        {
            // Still waiting: a typo is fixed by sending the address again.
            LogUnknownEmail(logger, chatId);
            await ReplyAsync(bot, chatId, Format(texts.LinkUnknownEmail, TelegramHtml.Escape(email)), cancellationToken);
            return;
        }

        var current = people.Current;
        var person = current.PersonOf(users[0].Ref);
        var key = person?.Key ?? current.PersonKey(users[0].Ref);
        var name = person?.Name ?? users[0].Name;
        var refs = person?.Users ?? [.. users.Select(user => user.Ref)];
        var shownName = TelegramHtml.Escape(name);
        if (refs.Any(user => directory.ConfiguredChat(user) is not null))
        {
            links.StopAwaiting(chatId);
            await ReplyAsync(bot, chatId, Format(texts.LinkConfigured, shownName), cancellationToken);
            return;
        }

        if (links.ChatOf(key) is not null)
        {
            links.StopAwaiting(chatId);
            await ReplyAsync(bot, chatId, Format(texts.LinkAlreadyLinked, shownName), cancellationToken);
            return;
        }

        if (links.Pending().Any(request => string.Equals(request.PersonKey, key, StringComparison.OrdinalIgnoreCase)))
        {
            links.StopAwaiting(chatId);
            LogSecondRequest(logger, chatId);
            await ReplyAsync(bot, chatId, Format(texts.LinkAlreadyPending, shownName), cancellationToken);
            return;
        }

        if (directory.HeadChatIds.Count == 0)
        {
            await ReplyAsync(bot, chatId, texts.LinkNoHeads, cancellationToken);
            return;
        }

        var request = new LinkRequest(NewId(), chatId, email, key, name, [.. refs.Select(user => $"{UserLabel(user)} {current.NameOf(user)}")], time.GetUtcNow())
        {
            Requester = Display(message.From, chatId),
        };
        links.AddRequest(request);
        links.StopAwaiting(chatId);
        var sent = await AskHeadsAsync(bot, request, cancellationToken);
        if (sent.Count == 0)
        {
            links.Withdraw(request.Id);
            await ReplyAsync(bot, chatId, texts.LinkHeadsUnreachable, cancellationToken);
            return;
        }

        links.SetHeadMessages(request.Id, sent);
        LogRequested(logger, request.Id, chatId, sent.Count);
        await ReplyAsync(bot, chatId, Format(texts.LinkRequested, shownName), cancellationToken);
    }

    /// <summary>/team: the links with a Remove button each, and the requests still waiting. Heads only.</summary>
    public async Task TeamAsync(ITelegramBotClient bot, long chatId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        if (!directory.IsHead(chatId))
        {
            LogRefusedTeam(logger, chatId);
            await ReplyAsync(bot, chatId, texts.TeamHeadsOnly, cancellationToken);
            return;
        }

        await bot.SendMessage(chatId, TeamText(), ParseMode.Html, replyMarkup: TeamKeyboard(), linkPreviewOptions: NoPreview, cancellationToken: cancellationToken);
    }

    /// <summary>A button press on a request or in /team. Only a head's chat may decide; anyone else changes nothing.</summary>
    public async Task CallbackAsync(ITelegramBotClient bot, CallbackQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(query);
        var parts = (query.Data ?? "").Split(':');
        if (parts is not ["link", "a" or "r" or "x", { Length: > 0 }])
        {
            await AnswerAsync(bot, query, texts.CallbackUnknown, cancellationToken);
            return;
        }

        var chat = query.Message?.Chat;
        if (chat is null || !directory.IsHead(chat.Id, chat.Username))
        {
            LogRefusedCallback(logger, chat?.Id ?? 0, query.From.Id, parts[1]);
            await AnswerAsync(bot, query, texts.CallbackHeadsOnly, cancellationToken, alert: true);
            return;
        }

        var by = Display(query.From, query.From.Id);
        if (parts[1] == "x")
        {
            await RemoveAsync(bot, query, parts[2], cancellationToken);
        }
        else
        {
            await DecideAsync(bot, query, parts[2], approve: parts[1] == "a", by, cancellationToken);
        }
    }

    private async Task DecideAsync(ITelegramBotClient bot, CallbackQuery query, string id, bool approve, string by, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (request, fresh) = links.Decide(id, approve, by, now);
        if (request is null)
        {
            await AnswerAsync(bot, query, texts.CallbackGone, cancellationToken);
            return;
        }

        if (!fresh)
        {
            var already = request.Approved == true ? texts.CallbackAlreadyApproved : texts.CallbackAlreadyRejected;
            await AnswerAsync(bot, query, Format(already, request.DecidedBy, When(request.DecidedAt ?? now)), cancellationToken);
            return;
        }

        // The decision is stored first: whatever fails below, a second press is answered "already decided".
        if (approve)
        {
            links.Link(new ManagerLink(request.PersonKey, request.Name, request.ChatId, by, now) { Email = request.Email, Users = request.Users });
        }

        LogDecided(logger, request.Id, request.ChatId, approve);
        await AnswerAsync(bot, query, Format(approve ? texts.CallbackApproved : texts.CallbackRejected, request.Name), cancellationToken);
        var toManager = approve ? Format(texts.LinkGreeting, TelegramHtml.Escape(request.Name)) + "\n\n" + texts.Help : texts.LinkRejected;
        await ReplyAsync(bot, request.ChatId, toManager, cancellationToken);
        var note = Format(approve ? texts.LinkApprovedNote : texts.LinkRejectedNote, TelegramHtml.Escape(by), When(now));
        foreach (var message in request.HeadMessages)
        {
            try
            {
                await bot.EditMessageText(message.Chat.ToChatId(), message.MessageId, RequestText(request) + "\n\n" + note, ParseMode.Html, linkPreviewOptions: NoPreview, cancellationToken: cancellationToken);
            }
            catch (ApiRequestException exception)
            {
                // A head deleted the message, or it is too old to edit: the decision stands either way.
                LogEditFailed(logger, message.Chat, exception.ErrorCode, exception.Message);
            }
        }
    }

    private async Task RemoveAsync(ITelegramBotClient bot, CallbackQuery query, string argument, CancellationToken cancellationToken)
    {
        var removed = long.TryParse(argument, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId) ? links.UnlinkChat(chatId) : null;
        if (removed is null)
        {
            await AnswerAsync(bot, query, texts.CallbackAlreadyRemoved, cancellationToken);
            return;
        }

        LogRemoved(logger, removed.ChatId, query.From.Id);
        await AnswerAsync(bot, query, Format(texts.CallbackRemoved, removed.Name), cancellationToken);
        if (query.Message is { } list)
        {
            await bot.EditMessageText(list.Chat.Id, list.Id, TeamText(), ParseMode.Html, TeamKeyboard(), NoPreview, cancellationToken: cancellationToken);
        }
    }

    private async Task<List<HeadMessage>> AskHeadsAsync(ITelegramBotClient bot, LinkRequest request, CancellationToken cancellationToken)
    {
        InlineKeyboardButton[] buttons =
        [
            InlineKeyboardButton.WithCallbackData(texts.ApproveButton, $"{CallbackPrefix}a:{request.Id}"),
            InlineKeyboardButton.WithCallbackData(texts.RejectButton, $"{CallbackPrefix}r:{request.Id}"),
        ];
        var keyboard = new InlineKeyboardMarkup(buttons);
        var sent = new List<HeadMessage>();
        foreach (var head in directory.HeadChatIds)
        {
            try
            {
                var message = await bot.SendMessage(head.ToChatId(), RequestText(request), ParseMode.Html, replyMarkup: keyboard, linkPreviewOptions: NoPreview, cancellationToken: cancellationToken);
                sent.Add(new HeadMessage(head, message.Id));
            }
            catch (ApiRequestException exception)
            {
                LogHeadUnreachable(logger, head, exception.ErrorCode, exception.Message);
            }
        }

        return sent;
    }

    private string RequestText(LinkRequest request) => Format(
        texts.LinkRequest,
        TelegramHtml.Escape(request.Requester),
        TelegramHtml.Escape(request.Name),
        TelegramHtml.Escape(request.Email),
        string.Join('\n', request.Users.Select(user => "• " + TelegramHtml.Escape(user))));

    private string TeamText()
    {
        var all = links.Links();
        var lines = new List<string> { texts.TeamTitle };
        lines.AddRange(all.Count == 0
            ? [texts.TeamEmpty]
            : all.OrderBy(link => link.Name, StringComparer.CurrentCulture).Select(link => Format(
                texts.TeamLine,
                TelegramHtml.Escape(link.Name),
                TelegramHtml.Escape(link.Email),
                TelegramHtml.Escape(string.Join(", ", link.Users)),
                link.ChatId,
                TelegramHtml.Escape(link.ApprovedBy),
                When(link.LinkedAt))));
        var pending = links.Pending();
        if (pending.Count > 0)
        {
            lines.Add("");
            lines.Add(texts.TeamPendingTitle);
            lines.AddRange(pending.Select(request => Format(texts.TeamPendingLine, TelegramHtml.Escape(request.Name), TelegramHtml.Escape(request.Email), When(request.RequestedAt))));
        }

        return string.Join('\n', lines);
    }

    private InlineKeyboardMarkup? TeamKeyboard()
    {
        var all = links.Links();
        return all.Count == 0
            ? null
            : new InlineKeyboardMarkup(all.OrderBy(link => link.Name, StringComparer.CurrentCulture)
                .Select(link => new[] { InlineKeyboardButton.WithCallbackData(Format(texts.RemoveButton, link.Name), $"{CallbackPrefix}x:{link.ChatId.ToString(CultureInfo.InvariantCulture)}") }));
    }

    /// <summary>A whole address and nothing else ("Anna &lt;a@b.ru&gt;" is not one), with a dotted domain.</summary>
    public static bool TryEmail(string text, out string email)
    {
        email = (text ?? "").Trim().ToLowerInvariant();
        return email.Length <= 254
            && MailAddress.TryCreate(email, out var address)
            && address.Address == email
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.EndsWith('.');
    }

    private static string UserLabel(CrmRef user) => $"{CrmRef.CrmName(user.Crm)}:{user.Id}";

    private static string Display(User? user, long fallback)
    {
        if (user is null)
        {
            return fallback.ToString(CultureInfo.InvariantCulture);
        }

        var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)));
        return user.Username is { Length: > 0 } username ? $"{name} (@{username})" : name;
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "…";

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));

    private string When(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone.Zone).ToString(texts.DateFormat, CultureInfo.InvariantCulture);

    private static async Task ReplyAsync(ITelegramBotClient bot, long chatId, string html, CancellationToken cancellationToken) =>
        await bot.SendMessage(chatId, html, ParseMode.Html, linkPreviewOptions: NoPreview, cancellationToken: cancellationToken);

    private static async Task AnswerAsync(ITelegramBotClient bot, CallbackQuery query, string text, CancellationToken cancellationToken, bool alert = false) =>
        await bot.AnswerCallbackQuery(query.Id, text, alert, cancellationToken: cancellationToken);

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram chat {ChatId} asked to link itself; waiting for the e-mail")]
    private static partial void LogAsked(ILogger logger, long chatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram chat {ChatId} gave an e-mail no CRM user has")]
    private static partial void LogUnknownEmail(ILogger logger, long chatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram chat {ChatId} asked again for a person whose link request is waiting; not sent to the heads twice")]
    private static partial void LogSecondRequest(ILogger logger, long chatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Link request {RequestId} from chat {ChatId} sent to {Heads} head chats")]
    private static partial void LogRequested(ILogger logger, string requestId, long chatId, int heads);

    [LoggerMessage(Level = LogLevel.Information, Message = "Link request {RequestId} for chat {ChatId} decided: approved {Approved}")]
    private static partial void LogDecided(ILogger logger, string requestId, long chatId, bool approved);

    [LoggerMessage(Level = LogLevel.Information, Message = "The link of chat {ChatId} was removed by Telegram user {UserId}")]
    private static partial void LogRemoved(ILogger logger, long chatId, long userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat {ChatId} (Telegram user {UserId}) pressed a link button ({Action}) but is not a head's chat; nothing changed")]
    private static partial void LogRefusedCallback(ILogger logger, long chatId, long userId, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat {ChatId} asked for /team but is not a head's chat")]
    private static partial void LogRefusedTeam(ILogger logger, long chatId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The link request could not be sent to head chat {Chat}: {ErrorCode} {Description}")]
    private static partial void LogHeadUnreachable(ILogger logger, ChatAddress chat, int errorCode, string description);

    [LoggerMessage(Level = LogLevel.Information, Message = "The request message in head chat {Chat} could not be updated with the decision: {ErrorCode} {Description}")]
    private static partial void LogEditFailed(ILogger logger, ChatAddress chat, int errorCode, string description);
}
