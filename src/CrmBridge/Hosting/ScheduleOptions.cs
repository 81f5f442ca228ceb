namespace CrmBridge.Hosting;

internal sealed class ScheduleOptions
{
    public const string Section = "Schedule";

    /// <summary>Quartz cron (seconds first) for the sync tick.</summary>
    public string SyncCron { get; set; } = "0 */15 * * * ?";

    /// <summary>Quartz cron for the morning digest: working days at 09:00.</summary>
    public string DigestCron { get; set; } = "0 0 9 ? * MON-FRI";

    /// <summary>IANA time zone of the portal; windows and schedules use it.</summary>
    public string TimeZone { get; set; } = "Europe/Moscow";
}
