using System.Collections.Concurrent;
using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Digest;
using CrmBridge.Enrichment;
using CrmBridge.Notifications;
using CrmBridge.Rules;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CrmBridge.Telegram;

/// <summary>
/// Answers bot commands: /start, /help, /digest, /kpi [manager], /inn NUMBER, /callable, /status and /team (heads). Only
/// allowlisted chats get answers; any other chat gets one polite refusal (with its chat id, for the admin) and a log line
/// per message — except a manager's private chat linking itself (/start, then the e-mail; see <see cref="ManagerLinkDialogue"/>).
/// Button presses (callback queries) go to the linking dialogue, which lets only heads decide.
/// </summary>
internal sealed partial class BotCommandHandler(
    ChatDirectory directory,
    DigestRunner digest,
    DigestBuilder builder,
    ICrmStore store,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<BotCommandHandler> logger,
    IInnQuery innLookup,
    ICallableQuery callable,
    ManagerLinkDialogue linking,
    IStatusQuery? status = null)
{
    private const int CallableLimit = 20;

    private readonly BotTexts texts = BotTexts.For(BotLanguages.Parse(options.Value.Language));
    private readonly ConcurrentDictionary<long, bool> refused = new();

    public async Task HandleAsync(ITelegramBotClient bot, Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(update);
        if (update.CallbackQuery is { } query)
        {
            await linking.CallbackAsync(bot, query, cancellationToken);
            return;
        }

        if (update.Message is not { Text: { } text } message)
        {
            return;
        }

        var chatId = message.Chat.Id;
        var (command, argument) = Parse(text);
        if (linking.CanLink(message.Chat))
        {
            if (command == "/start")
            {
                await linking.StartAsync(bot, chatId, cancellationToken);
                return;
            }

            if (!text.TrimStart().StartsWith('/') && linking.IsAwaitingEmail(chatId))
            {
                await linking.EmailAsync(bot, message, cancellationToken);
                return;
            }
        }

        if (!directory.AllowedChatIds.Contains(chatId))
        {
            LogRefused(logger, chatId, command);
            if (refused.TryAdd(chatId, true))
            {
                await ReplyAsync(bot, chatId, Format(texts.Refusal, chatId), cancellationToken);
            }

            return;
        }

        LogCommand(logger, chatId, command);
        switch (command)
        {
            case "/start":
                await ReplyAsync(bot, chatId, Format(texts.Start, chatId) + "\n\n" + texts.Help, cancellationToken);
                break;
            case "/help":
                await ReplyAsync(bot, chatId, texts.Help, cancellationToken);
                break;
            case "/digest":
                await SendDigestAsync(bot, chatId, cancellationToken);
                break;
            case "/kpi":
                foreach (var part in builder.ManagerKpi(store.LoadClientBase(), time.GetUtcNow(), argument, directory.UsersOf(chatId)))
                {
                    await ReplyAsync(bot, chatId, part, cancellationToken);
                }

                break;
            case "/inn":
                await ReplyAsync(bot, chatId, await InnAsync(argument, cancellationToken), cancellationToken);
                break;
            case "/callable":
                await ReplyAsync(bot, chatId, Callable(chatId), cancellationToken);
                break;
            case "/status":
                await ReplyAsync(bot, chatId, Status(chatId), cancellationToken);
                break;
            case "/team":
                await linking.TeamAsync(bot, chatId, cancellationToken);
                break;
            default:
                await ReplyAsync(bot, chatId, texts.Unknown, cancellationToken);
                break;
        }
    }

    /// <summary>The same report as `crmbridge status`, for heads only: it names failed actions and errors.</summary>
    private string Status(long chatId) =>
        !directory.IsHead(chatId) ? texts.StatusHeadsOnly
        : status is null ? texts.Unknown
        : "<pre>" + TelegramHtml.Escape(string.Join("\n", status.Lines())) + "</pre>";

    /// <summary>"/kpi@SalesBot Anna" → ("/kpi", "Anna").</summary>
    public static (string Command, string Argument) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        var head = space < 0 ? trimmed : trimmed[..space];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var command = (at < 0 ? head : head[..at]).ToLowerInvariant();
        return (command, space < 0 ? "" : trimmed[(space + 1)..].Trim());
    }

    private async Task SendDigestAsync(ITelegramBotClient bot, long chatId, CancellationToken cancellationToken)
    {
        var message = digest.Build();
        foreach (var chart in message.Charts)
        {
            await bot.SendPhoto(chatId, InputFile.FromStream(new MemoryStream(chart.Png), "chart.png"), chart.Caption, ParseMode.Html, cancellationToken: cancellationToken);
        }

        foreach (var part in message.Messages)
        {
            await ReplyAsync(bot, chatId, part, cancellationToken);
        }
    }

    private async Task<string> InnAsync(string argument, CancellationToken cancellationToken)
    {
        if (argument.Length == 0)
        {
            return texts.InnUsage;
        }

        var inn = TelegramHtml.Escape(argument);
        var result = await innLookup.LookupAsync(argument, cancellationToken);
        if (!result.IsValid)
        {
            return Format(texts.InnInvalid, inn, TelegramHtml.Escape(result.Problem));
        }

        var lines = new List<string>
        {
            result.Profile is { } profile
                ? Format(texts.InnProfile, TelegramHtml.Escape(profile.ShortName ?? profile.FullName ?? argument), profile.Status, TelegramHtml.Escape(profile.Address ?? "—"), TelegramHtml.Escape(profile.Director ?? "—"), TelegramHtml.Escape(profile.Okved ?? "—"))
                : Format(texts.InnNoProfile, inn),
        };
        var names = store.LoadClientBase().Managers.GroupBy(manager => manager.Ref.Id).ToDictionary(group => group.Key, group => group.First().Name);
        lines.AddRange(result.Cards.Select(card => Format(
            texts.InnCard,
            TelegramHtml.Escape(card.Title),
            CrmRef.CrmName(card.Ref.Crm),
            TelegramHtml.Escape(card.OwnerId is null ? "—" : names.GetValueOrDefault(card.OwnerId, card.OwnerId)))));
        if (result.Cards.Count == 0)
        {
            lines.Add(texts.InnNoCards);
        }

        return string.Join('\n', lines);
    }

    private string Callable(long chatId)
    {
        var users = directory.UsersOf(chatId);
        if (users.Count == 0)
        {
            return texts.CallableNotLinked;
        }

        var companies = callable.Callable(users, time.GetUtcNow(), CallableLimit);
        return companies.Count == 0
            ? texts.CallableNone
            : string.Join('\n', [texts.CallableTitle, .. companies.Select(company => "• " + TelegramHtml.Escape(company.Title))]);
    }

    private static async Task ReplyAsync(ITelegramBotClient bot, long chatId, string html, CancellationToken cancellationToken) =>
        await bot.SendMessage(chatId, html, ParseMode.Html, linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: cancellationToken);

    private static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram chat {ChatId} is not in the allowlist; ignored {Command}")]
    private static partial void LogRefused(ILogger logger, long chatId, string command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram chat {ChatId} sent {Command}")]
    private static partial void LogCommand(ILogger logger, long chatId, string command);
}
