using CrmBridge.Notifications;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CrmBridge.Telegram;

/// <summary>
/// Sends <see cref="TelegramMessagePayload"/> actions: the photo first (if any), then the HTML text. A 429 waits
/// retry_after on the TimeProvider and tries again (up to Telegram:RetryCount, waits up to Telegram:MaxRetryAfter);
/// 400 and 403 (bad request, bot blocked, chat not found) are permanent; anything else goes back to the outbox.
/// </summary>
internal sealed partial class TelegramActionExecutor(
    TelegramClientFactory clients,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramActionExecutor> logger,
    TelegramRateLimiter limiter) : IActionExecutor
{
    private const string ChartFileName = "funnel.png";

    public bool CanExecute(string kind) => kind is ActionKinds.TelegramMessage or ActionKinds.TelegramDocument;

    public async Task ExecuteAsync(string kind, object payload, CancellationToken cancellationToken)
    {
        if (payload is not (TelegramMessagePayload or TelegramDocumentPayload))
        {
            throw new PermanentActionException($"A {kind} action carries a {payload?.GetType().Name ?? "null"} payload, not a Telegram message.");
        }

        if (!clients.Enabled)
        {
            throw new PermanentActionException("Telegram is off: Telegram:BotToken is empty.");
        }

        if (payload is TelegramDocumentPayload document)
        {
            await WaitForSlotAsync(document.ChatId, cancellationToken);
            await SendAsync(
                document.ChatId,
                () => clients.Client.SendDocument(document.ChatId, InputFile.FromStream(new MemoryStream(document.Content), document.FileName), document.Caption, ParseMode.Html, cancellationToken: cancellationToken),
                cancellationToken);
            return;
        }

        var message = (TelegramMessagePayload)payload;
        // The chart and its text are one message to the reader: one slot of the chat's rate.
        await WaitForSlotAsync(message.ChatId, cancellationToken);
        var bot = clients.Client;
        if (message.Photo is { } photo)
        {
            await SendAsync(
                message.ChatId,
                () => bot.SendPhoto(message.ChatId, InputFile.FromStream(new MemoryStream(photo), ChartFileName), message.PhotoCaption, ParseMode.Html, cancellationToken: cancellationToken),
                cancellationToken);
        }

        await SendAsync(
            message.ChatId,
            () => bot.SendMessage(message.ChatId, message.Html, ParseMode.Html, linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: cancellationToken),
            cancellationToken);
    }

    private async Task WaitForSlotAsync(long chatId, CancellationToken cancellationToken)
    {
        var wait = limiter.Reserve(chatId);
        if (wait > TimeSpan.Zero)
        {
            LogPacing(logger, chatId, wait.TotalSeconds);
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private async Task SendAsync(long chatId, Func<Task<Message>> send, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await send();
                return;
            }
            catch (ApiRequestException exception) when (exception.ErrorCode == 429
                && attempt < settings.RetryCount
                && TimeSpan.FromSeconds(exception.Parameters?.RetryAfter ?? 0) <= settings.MaxRetryAfter)
            {
                var wait = TimeSpan.FromSeconds(exception.Parameters?.RetryAfter ?? 0);
                LogRetryAfter(logger, chatId, wait.TotalSeconds);
                await Task.Delay(wait, time, cancellationToken);
            }
            catch (ApiRequestException exception) when (exception.ErrorCode is 400 or 403)
            {
                // The description is Telegram's text ("Forbidden: bot was blocked by the user"); it never holds the token.
                LogRefused(logger, chatId, exception.ErrorCode, exception.Message);
                throw new PermanentActionException($"Telegram refused the message to chat {chatId}: {exception.ErrorCode} {exception.Message}", exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram asked to slow down: waiting {Seconds} s before sending to chat {ChatId} again")]
    private static partial void LogRetryAfter(ILogger logger, long chatId, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pacing Telegram sends: waiting {Seconds} s before sending to chat {ChatId}")]
    private static partial void LogPacing(ILogger logger, long chatId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram refused a message to chat {ChatId}: {ErrorCode} {Description}")]
    private static partial void LogRefused(ILogger logger, long chatId, int errorCode, string description);
}
