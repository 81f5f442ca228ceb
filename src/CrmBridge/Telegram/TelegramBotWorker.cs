using CrmBridge.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace CrmBridge.Telegram;

/// <summary>Long polling: a plain loop over getUpdates; each message and button press goes to <see cref="BotCommandHandler"/>.</summary>
internal sealed partial class TelegramBotWorker(
    TelegramClientFactory clients,
    BotCommandHandler handler,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramBotWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PauseAfterError = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!clients.Enabled || !options.Value.PollingEnabled)
        {
            LogOff(logger);
            return;
        }

        var bot = clients.Client;
        int? offset = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            offset = await PollOnceAsync(bot, offset, stoppingToken);
        }
    }

    /// <summary>One getUpdates round; returns the next offset. Errors are logged by type and code only (URLs hold the token).</summary>
    public async Task<int?> PollOnceAsync(ITelegramBotClient bot, int? offset, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bot);
        try
        {
            var updates = await bot.GetUpdates(offset, 100, (int)options.Value.PollingTimeout.TotalSeconds, [UpdateType.Message, UpdateType.CallbackQuery], cancellationToken);
            foreach (var update in updates)
            {
                offset = update.Id + 1;
                await HandleAsync(bot, update, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return offset;
        }
        catch (ApiRequestException exception)
        {
            LogApiError(logger, exception.ErrorCode, exception.Message);
            await PauseAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is RequestException or HttpRequestException or TaskCanceledException)
        {
            LogTransportError(logger, exception.GetType().Name);
            await PauseAsync(cancellationToken);
        }

        return offset;
    }

    /// <summary>One bad update (a store error, a reply Telegram refuses) is logged and skipped; it never stops the bot.</summary>
    private async Task HandleAsync(ITelegramBotClient bot, Update update, CancellationToken cancellationToken)
    {
        try
        {
            await handler.HandleAsync(bot, update, cancellationToken);
        }
        catch (ApiRequestException exception)
        {
            LogUpdateFailed(logger, update.Id, $"{exception.ErrorCode} {exception.Message}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogUpdateFailed(logger, update.Id, exception.GetType().Name);
        }
    }

    private async Task PauseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(PauseAfterError, time, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram bot commands are off (no Telegram:BotToken or Telegram:PollingEnabled=false)")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram getUpdates failed: {ErrorCode} {Description}")]
    private static partial void LogApiError(ILogger logger, int errorCode, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram update {UpdateId} was skipped: {Problem}")]
    private static partial void LogUpdateFailed(ILogger logger, int updateId, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram getUpdates failed: {ErrorType}")]
    private static partial void LogTransportError(ILogger logger, string errorType);
}
