using System.Globalization;

namespace CrmBridge.Core.Rules;

/// <summary>
/// Days and weeks as the portal sees them: dates, midnights and ISO weeks in the portal's time zone (domain.md
/// "Windows"). The one calendar of the core: rules, KPI windows and finding periods all ask it, never the moment's own
/// offset, so a Monday 00:00 in Moscow starts the week even when the moment arrives in UTC (Sunday 21:00).
/// </summary>
public sealed class PortalCalendar
{
    public PortalCalendar(TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        TimeZone = timeZone;
    }

    public TimeZoneInfo TimeZone { get; }

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, TimeZone);

    public DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);

    /// <summary>Local midnight starting the day; a midnight skipped by a clock change moves to the first valid minute.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }

    /// <summary>Whole local days from one moment's date to another's: 23:30 and 00:30 the next day are one day apart.</summary>
    public int DaysBetween(DateTimeOffset from, DateTimeOffset to) => DateOf(to).DayNumber - DateOf(from).DayNumber;

    /// <summary>The Monday of the local day's ISO week.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The ISO week of the moment's local date, as a finding period: "2026-W10".</summary>
    public string IsoWeekOf(DateTimeOffset at)
    {
        var date = DateOf(at).ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}");
    }
}
