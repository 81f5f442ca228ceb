using CrmBridge.Core.Kpi;
using CrmBridge.Core.Rules;
using static CrmBridge.Core.Tests.Kpi.KpiBaseBuilder;

namespace CrmBridge.Core.Tests.Kpi;

public class KpiWindowsTests
{
    [Fact]
    public void Yesterday_is_the_previous_Moscow_day_even_when_the_UTC_date_differs()
    {
        // 2026-11-18 01:30 MSK is still 2026-11-17 22:30 UTC: a UTC-based window would call the 16th "yesterday".
        var now = Msk("2026-11-18 01:30");

        var window = KpiWindows.Yesterday(now, Moscow);

        Assert.Equal(Msk("2026-11-17 00:00"), window.From);
        Assert.Equal(Msk("2026-11-18 00:00"), window.To);
    }

    [Fact]
    public void Windows_are_half_open_so_midnight_belongs_to_the_next_day()
    {
        var window = KpiWindows.Yesterday(Msk("2026-11-18 09:00"), Moscow);

        Assert.True(window.Contains(Msk("2026-11-17 00:00")));
        Assert.True(window.Contains(Msk("2026-11-17 23:59")));
        Assert.False(window.Contains(Msk("2026-11-18 00:00")));
    }

    [Fact]
    public void This_week_starts_on_Monday_midnight_and_ends_now()
    {
        // Wednesday 18 November 2026 → Monday 16 November.
        var now = Msk("2026-11-18 09:00");

        var week = KpiWindows.ThisWeek(now, Moscow);

        Assert.Equal(Msk("2026-11-16 00:00"), week.From);
        Assert.Equal(now, week.To);
    }

    [Fact]
    public void On_Sunday_night_the_week_still_started_last_Monday()
    {
        var week = KpiWindows.ThisWeek(Msk("2026-11-22 23:59"), Moscow);

        Assert.Equal(Msk("2026-11-16 00:00"), week.From);
    }

    [Fact]
    public void Monday_00_30_Moscow_opens_a_new_week_although_UTC_is_still_Sunday()
    {
        var now = Msk("2026-11-23 00:30");

        var week = KpiWindows.ThisWeek(now, Moscow);

        Assert.Equal(Msk("2026-11-23 00:00"), week.From);
    }

    [Fact]
    public void This_month_starts_on_the_first_at_local_midnight()
    {
        var month = KpiWindows.ThisMonth(Msk("2026-11-18 09:00"), Moscow);

        Assert.Equal(Msk("2026-11-01 00:00"), month.From);
    }

    [Fact]
    public void A_day_skipped_at_midnight_by_daylight_saving_starts_at_the_first_valid_moment()
    {
        // Santiago (Chile) jumped from 00:00 to 01:00 on 2024-09-08: local midnight did not exist that day.
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

        var start = new PortalCalendar(santiago).StartOf(new DateOnly(2024, 9, 8));

        Assert.Equal(new DateTimeOffset(2024, 9, 8, 1, 0, 0, TimeSpan.FromHours(-3)), start);
    }
}
