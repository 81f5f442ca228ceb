using CrmBridge.Core.Rules;

namespace CrmBridge.Core.Kpi;

/// <summary>
/// The reporting windows of domain.md section 2, in the portal's time zone, half-open:
/// yesterday [today 00:00 − 1 day, today 00:00), this week [Monday 00:00, now), this month [the 1st 00:00, now).
/// Days and midnights come from <see cref="PortalCalendar"/>, the one calendar of the core.
/// </summary>
public static class KpiWindows
{
    public static TimeWindow Yesterday(DateTimeOffset now, TimeZoneInfo zone)
    {
        var calendar = new PortalCalendar(zone);
        var today = calendar.DateOf(now);
        return new TimeWindow(calendar.StartOf(today.AddDays(-1)), calendar.StartOf(today));
    }

    public static TimeWindow ThisWeek(DateTimeOffset now, TimeZoneInfo zone)
    {
        var calendar = new PortalCalendar(zone);
        return new TimeWindow(calendar.StartOf(PortalCalendar.MondayOf(calendar.DateOf(now))), now);
    }

    public static TimeWindow ThisMonth(DateTimeOffset now, TimeZoneInfo zone)
    {
        var calendar = new PortalCalendar(zone);
        var today = calendar.DateOf(now);
        return new TimeWindow(calendar.StartOf(new DateOnly(today.Year, today.Month, 1)), now);
    }
}
