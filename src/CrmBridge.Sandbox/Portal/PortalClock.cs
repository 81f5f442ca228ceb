namespace CrmBridge.Sandbox.Portal;

/// <summary>The reference moments of a portal, in its UTC offset: now, today's, yesterday's, this week's and this month's midnights.</summary>
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

    /// <summary>Monday 00:00 of this week: "this week" is [WeekStart, Now).</summary>
    public DateTimeOffset WeekStart => TodayStart.AddDays(-(((int)TodayStart.DayOfWeek + 6) % 7));

    /// <summary>The 1st 00:00 of this month: "this month" is [MonthStart, Now).</summary>
    public DateTimeOffset MonthStart => TodayStart.AddDays(1 - TodayStart.Day);

    public DateOnly Today => DateOnly.FromDateTime(TodayStart.DateTime);
}
