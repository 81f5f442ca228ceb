using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Kpi;
using CrmBridge.Core.Model;
using CrmBridge.Core.Rules;

namespace CrmBridge.Core.Tests.Rules;

public class PortalWeekTests
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    // Monday 2026-11-23 00:00 in Moscow is Sunday 2026-11-22 21:00 UTC: the UTC date still says week 47.
    private static readonly DateTimeOffset MondayMidnightUtc = new(2026, 11, 22, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_ISO_week_turns_at_Monday_00_00_Moscow_time_not_at_UTC_midnight()
    {
        var calendar = new PortalCalendar(Moscow);

        Assert.Equal("2026-W47", calendar.IsoWeekOf(MondayMidnightUtc.AddMinutes(-1)));
        Assert.Equal("2026-W48", calendar.IsoWeekOf(MondayMidnightUtc));
    }

    [Fact]
    public void A_duplicate_found_at_Monday_00_00_Moscow_time_belongs_to_the_new_week()
    {
        Company Card(string id) => new()
        {
            Ref = new CrmRef(CrmKind.Bitrix24, "portal.bitrix24.ru", id),
            Title = "ООО Ромашка",
            Inn = "7707083893",
            CreatedAt = MondayMidnightUtc.AddDays(-30),
            ModifiedAt = MondayMidnightUtc.AddDays(-30),
        };

        var finding = Assert.Single(DuplicateFinder.Find([Card("1"), Card("2")], MondayMidnightUtc, zone: Moscow).Findings);

        Assert.Equal("2026-W48", finding.Period);
    }

    [Fact]
    public void This_week_starts_at_Monday_00_00_Moscow_time_when_now_arrives_in_UTC()
    {
        var week = KpiWindows.ThisWeek(MondayMidnightUtc.AddHours(1), Moscow);

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(3)), week.From);
    }
}
