namespace CrmBridge.Core.Kpi;

/// <summary>
/// The reporting windows of domain.md section 2, in the portal's time zone, half-open:
/// yesterday [today 00:00 − 1 day, today 00:00), this week [Monday 00:00, now), this month [the 1st 00:00, now).
/// </summary>
public static class KpiWindows
{
    public static TimeWindow Yesterday(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = LocalDate(now, zone);
        return new TimeWindow(StartOfDay(today.AddDays(-1), zone), StartOfDay(today, zone));
    }

    public static TimeWindow ThisWeek(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = LocalDate(now, zone);
        var daysSinceMonday = ((int)today.DayOfWeek + 6) % 7;
        return new TimeWindow(StartOfDay(today.AddDays(-daysSinceMonday), zone), now);
    }

    public static TimeWindow ThisMonth(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = LocalDate(now, zone);
        return new TimeWindow(StartOfDay(new DateOnly(today.Year, today.Month, 1), zone), now);
    }

    public static DateOnly LocalDate(DateTimeOffset moment, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone).DateTime);
    }

    /// <summary>Local midnight of the date; when a DST jump skips midnight, the first valid local moment after it.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
