using CrmBridge.Core.Model;
using CrmBridge.Foundation;
using CrmBridge.Sync;
using Microsoft.Extensions.Options;
using Quartz;

namespace CrmBridge.Hosting.Status;

/// <summary>
/// Judges the last ticks against the sync schedule: healthy while every CRM's last success is within
/// <see cref="StalePeriods"/> fire times of Schedule:SyncCron. Needs no Store, so a saved snapshot is judged too.
/// </summary>
internal sealed class StatusHealth(IOptions<ScheduleOptions> schedule, PortalTimeZone zone, TimeProvider time)
{
    /// <summary>A CRM whose last success is older than this many sync periods makes the worker unhealthy.</summary>
    public const int StalePeriods = 3;

    public TimeZoneInfo Zone => zone.Zone;

    public (bool Healthy, string Text) Judge(IReadOnlyList<TickRecord> ticks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        if (ticks.Count == 0)
        {
            return (false, "no sync tick has been recorded yet");
        }

        var cron = new CronExpression(schedule.Value.SyncCron, zone.Zone);
        foreach (var tick in ticks)
        {
            if (tick.LastSuccessAt is not { } success)
            {
                return (false, $"{CrmRef.CrmName(tick.Crm)} {tick.Account} has not had a successful tick yet");
            }

            var deadline = success;
            for (var i = 0; i < StalePeriods; i++)
            {
                deadline = cron.GetNextValidTimeAfter(deadline) ?? DateTimeOffset.MaxValue;
            }

            if (now > deadline)
            {
                var local = TimeZoneInfo.ConvertTime(success, zone.Zone);
                return (false, $"{CrmRef.CrmName(tick.Crm)} {tick.Account}: the last successful tick ({local:yyyy-MM-dd HH:mm}) is older than {StalePeriods} sync periods");
            }
        }

        return (true, $"every CRM had a successful tick within {StalePeriods} sync periods");
    }

    /// <summary>A saved report judged again now: the worker may have stopped ticking since it wrote it.</summary>
    public StatusReport Reevaluate(StatusReport saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var now = time.GetUtcNow();
        var (healthy, text) = Judge(saved.Ticks, now);
        return Render(saved with { At = now, Healthy = healthy, HealthText = text });
    }

    public StatusReport Render(StatusReport report) => report with { Lines = StatusRenderer.Lines(report, zone.Zone) };
}
