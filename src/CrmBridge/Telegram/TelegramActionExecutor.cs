using System.Net;
using CrmBridge.Foundation;
using CrmBridge.Outbox;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CrmBridge.Telegram;

/// <summary>
/// Sends <see cref="TelegramMessagePayload"/>, <see cref="TelegramPhotoPayload"/> and <see cref="TelegramDocumentPayload"/>
/// actions, one API call each, paced by <see cref="TelegramRateLimiter"/>, and
/// says what happened: 400/403 (bad request, bot blocked, chat not found) fail for good; 429 and other error answers
/// provably delivered nothing and go back to the outbox (after retry_after when Telegram names it); a timeout or a
/// connection cut after the request left may have delivered it, so the outbox lists it instead of resending
/// (Telegram has no idempotency key).
/// </summary>
internal sealed partial class TelegramActionExecutor(
    TelegramClientFactory clients,
    TimeProvider time,
    ILogger<TelegramActionExecutor> logger,
    TelegramRateLimiter limiter) : IActionExecutor
{
    private const string ChartFileName = "funnel.png";

    public bool CanExecute(string kind) => kind is ActionKinds.TelegramMessage or ActionKinds.TelegramPhoto or ActionKinds.TelegramDocument;

    public Task ExecuteAsync(ActionAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (!clients.Enabled)
        {
            throw new PermanentActionException("Telegram is off: Telegram:BotToken is empty.");
        }

        var bot = clients.Client;
        return attempt.Payload switch
        {
            TelegramMessagePayload message => SendAsync(
                message.ChatId,
                "message",
                () => bot.SendMessage(message.ChatId.ToChatId(), message.Html, ParseMode.Html, linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: cancellationToken),
                cancellationToken),
            TelegramPhotoPayload photo => SendAsync(
                photo.ChatId,
                "chart",
                () => bot.SendPhoto(photo.ChatId.ToChatId(), InputFile.FromStream(new MemoryStream(photo.Png), ChartFileName), photo.Caption, ParseMode.Html, cancellationToken: cancellationToken),
                cancellationToken),
            TelegramDocumentPayload document => SendAsync(
                document.ChatId,
                "file",
                () => bot.SendDocument(document.ChatId.ToChatId(), InputFile.FromStream(new MemoryStream(document.Content), document.FileName), document.Caption, ParseMode.Html, cancellationToken: cancellationToken),
                cancellationToken),
            var other => throw new PermanentActionException($"A {attempt.Kind} action carries a {other?.GetType().Name ?? "null"} payload, not a Telegram message."),
        };
    }

    /// <summary>Keeps Telegram's limits up front (per chat, per group, overall) instead of waiting to be told 429.</summary>
    private async Task WaitForSlotAsync(ChatAddress chatId, CancellationToken cancellationToken)
    {
        var wait = limiter.Reserve(chatId);
        if (wait > TimeSpan.Zero)
        {
            LogPacing(logger, chatId, wait.TotalSeconds);
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private async Task SendAsync(ChatAddress chatId, string what, Func<Task<Message>> send, CancellationToken cancellationToken)
    {
        await WaitForSlotAsync(chatId, cancellationToken);
        try
        {
            await send();
        }
        catch (ApiRequestException exception) when (exception.ErrorCode == 429)
        {
            var wait = TimeSpan.FromSeconds(exception.Parameters?.RetryAfter ?? 1);
            LogRetryAfter(logger, chatId, wait.TotalSeconds);
            throw new ActionNotDoneException($"Telegram asked to wait {wait.TotalSeconds:0} s before the {what} to chat {chatId} (429)", wait, exception);
        }
        catch (ApiRequestException exception) when (exception.ErrorCode is 400 or 403)
        {
            // The description is Telegram's text ("Forbidden: bot was blocked by the user"); it never holds the token.
            LogRefused(logger, chatId, exception.ErrorCode, exception.Message);
            throw new PermanentActionException($"Telegram refused the {what} to chat {chatId}: {exception.ErrorCode} {exception.Message}", exception);
        }
        catch (ApiRequestException exception)
        {
            throw new ActionNotDoneException($"Telegram answered {exception.ErrorCode} to the {what} to chat {chatId}: {exception.Message}", null, exception);
        }
        catch (RequestException exception) when (NotSent(exception) is { } reason)
        {
            throw new ActionNotDoneException($"The {what} to chat {chatId} did not go out: {reason}", null, exception);
        }
        catch (RequestException exception)
        {
            throw new ActionOutcomeUnknownException($"The {what} to chat {chatId} may or may not have arrived: {Unknown(exception)}", exception);
        }
    }

    /// <summary>Why the request provably delivered nothing, or null when it may have.</summary>
    private static string? NotSent(RequestException exception)
    {
        if (exception.HttpStatusCode is { } status && (int)status >= 300)
        {
            return $"Telegram answered HTTP {(int)status} {status} with a body that is not its JSON";
        }

        return exception.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } http
            ? $"no connection to Telegram ({http.HttpRequestError})"
            : null;
    }

    private static string Unknown(RequestException exception) => exception.InnerException switch
    {
        TaskCanceledException or TimeoutException => "the call timed out while Telegram may still have been processing it",
        HttpRequestException http => $"the connection broke after the request was sent ({http.HttpRequestError})",
        _ when exception.HttpStatusCode is HttpStatusCode status => $"Telegram answered HTTP {(int)status} with a body that is not its JSON",
        _ => exception.Message,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram asked to slow down: chat {ChatId} waits {Seconds} s in the outbox")]
    private static partial void LogRetryAfter(ILogger logger, ChatAddress chatId, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pacing Telegram sends: waiting {Seconds} s before sending to chat {ChatId}")]
    private static partial void LogPacing(ILogger logger, ChatAddress chatId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram refused a message to chat {ChatId}: {ErrorCode} {Description}")]
    private static partial void LogRefused(ILogger logger, ChatAddress chatId, int errorCode, string description);
}
