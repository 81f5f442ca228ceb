using Microsoft.Extensions.Logging;

namespace CrmBridge.Outbox;

/// <summary>Log lines of the outbox. Payloads are never logged; keys, kinds and summaries carry no secrets.</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Action {Kind} {Key} done: {Summary}")]
    public static partial void ActionDone(this ILogger logger, string kind, string key, string summary);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Dry run: {Kind} {Key} recorded, not executed: {Summary}")]
    public static partial void ActionDryRun(this ILogger logger, string kind, string key, string summary);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Action {Kind} {Key} did not go through on attempt {Attempt} ({Reason}); retrying at {NextAttemptAt:O}")]
    public static partial void ActionRetrying(this ILogger logger, string kind, string key, int attempt, string reason, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Action {Kind} {Key} failed for good: {Reason}")]
    public static partial void ActionFailed(this ILogger logger, Exception? exception, string kind, string key, string reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Action {Kind} {Key} may or may not have been delivered ({Cause}); it is not sent again and is listed by `crmbridge status`: {Summary}")]
    public static partial void ActionAmbiguous(this ILogger logger, string kind, string key, string cause, string summary);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Action {Kind} {Key} may have been cut mid-call ({Cause}); queued again, it checks the card before it writes")]
    public static partial void ActionRequeued(this ILogger logger, string kind, string key, string cause);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "{Service} is stopped ({Reason}); its write-backs wait for the next tick")]
    public static partial void ServiceStopped(this ILogger logger, string service, string reason);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Debug, Message = "Waiting {Wait} for the service's retry hint before the next round of actions")]
    public static partial void WaitingForHint(this ILogger logger, TimeSpan wait);
}
