namespace CrmBridge.Core.Rules;

/// <summary>Days as the portal sees them: dates and midnights in the portal's time zone (domain.md "Windows").</summary>
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
}
