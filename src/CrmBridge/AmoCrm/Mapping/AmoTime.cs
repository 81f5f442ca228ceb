namespace CrmBridge.AmoCrm.Mapping;

/// <summary>amoCRM timestamps are unix seconds.</summary>
internal static class AmoTime
{
    public static DateTimeOffset From(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

    public static DateTimeOffset? From(long? unixSeconds) => unixSeconds is { } value and > 0 ? From(value) : null;

    public static long ToUnix(DateTimeOffset moment) => moment.ToUnixTimeSeconds();
}
