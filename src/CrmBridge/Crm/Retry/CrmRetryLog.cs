using Microsoft.Extensions.Logging;

namespace CrmBridge.Crm.Retry;

/// <summary>Retry lines: each attempt at Debug (the JSON log file), the give-up once at Warning. No URL, no secret.</summary>
internal static partial class CrmRetryLog
{
    /// <summary>The category of the retry lines, so logging can send them to the file only.</summary>
    public const string Category = "CrmBridge.Crm.Retry";

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "{Crm}: {Request} got {Fault}; retry {Retry} of {MaxRetries} in {Delay}")]
    public static partial void Retrying(ILogger logger, string crm, string request, string fault, int retry, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "{Crm}: {Request} still got {Fault} after {Retries} retries; giving up on it")]
    public static partial void GaveUp(ILogger logger, string crm, string request, string fault, int retries);
}
