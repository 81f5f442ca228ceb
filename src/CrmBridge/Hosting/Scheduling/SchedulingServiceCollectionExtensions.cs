using CrmBridge.Foundation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace CrmBridge.Hosting.Scheduling;

internal static class SchedulingServiceCollectionExtensions
{
    public static readonly JobKey SyncJobKey = new("sync");
    public static readonly JobKey DigestJobKey = new("digest");

    /// <summary>The sync and digest jobs on their cron schedules, in the portal's time zone.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<SyncJob>(job => job.WithIdentity(SyncJobKey));
            quartz.AddTrigger((provider, trigger) => trigger
                .ForJob(SyncJobKey)
                .WithIdentity("sync-cron")
                .WithCronSchedule(Schedule(provider).SyncCron, cron => cron.InTimeZone(Zone(provider))));

            quartz.AddJob<DigestJob>(job => job.WithIdentity(DigestJobKey));
            quartz.AddTrigger((provider, trigger) => trigger
                .ForJob(DigestJobKey)
                .WithIdentity("digest-cron")
                .WithCronSchedule(Schedule(provider).DigestCron, cron => cron.InTimeZone(Zone(provider))));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }

    private static ScheduleOptions Schedule(IServiceProvider provider) => provider.GetRequiredService<IOptions<ScheduleOptions>>().Value;

    private static TimeZoneInfo Zone(IServiceProvider provider) => provider.GetRequiredService<PortalTimeZone>().Zone;
}
