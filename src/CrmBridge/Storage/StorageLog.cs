using Microsoft.Extensions.Logging;

namespace CrmBridge.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "State file {Path} upgraded to schema {Version} ({Steps}); rebuilt {Saved} bytes smaller")]
    public static partial void Upgraded(ILogger logger, string path, int version, string steps, long saved);
}
