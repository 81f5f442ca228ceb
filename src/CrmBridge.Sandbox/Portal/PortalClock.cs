namespace CrmBridge.Sandbox.Portal;

/// <summary>The reference moments of a portal, in its UTC offset: now, today's midnight, yesterday's midnight.</summary>
public sealed record PortalClock(DateTimeOffset Now, TimeSpan Offset)
{
    public DateTimeOffset TodayStart
    {
        get
        {
            var local = Now.ToOffset(Offset);
            return new DateTimeOffset(local.Date, Offset);
        }
    }

    public DateTimeOffset YesterdayStart => TodayStart.AddDays(-1);

    public DateOnly Today => DateOnly.FromDateTime(TodayStart.DateTime);
}
