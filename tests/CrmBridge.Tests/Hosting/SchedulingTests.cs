using CrmBridge.Foundation;
using CrmBridge.Hosting;
using CrmBridge.Hosting.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CrmBridge.Tests.Hosting;

public sealed class SchedulingTests
{
    [Fact]
    public async Task Quartz_holds_both_jobs_with_the_configured_cron_and_time_zone()
    {
        using var host = CrmBridgeHost.Build([], worker: true, overrides: new Dictionary<string, string?>
        {
            ["Schedule:SyncCron"] = "0 */5 * * * ?",
            ["Schedule:DigestCron"] = "0 30 8 ? * MON-FRI",
            ["Schedule:TimeZone"] = "Asia/Novosibirsk",
        });
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var sync = Assert.IsAssignableFrom<ICronTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(SchedulingServiceCollectionExtensions.SyncJobKey)));
        var digest = Assert.IsAssignableFrom<ICronTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(SchedulingServiceCollectionExtensions.DigestJobKey)));

        Assert.Equal("0 */5 * * * ?", sync.CronExpressionString);
        Assert.Equal("0 30 8 ? * MON-FRI", digest.CronExpressionString);
        Assert.Equal("Asia/Novosibirsk", sync.TimeZone.Id);
        Assert.Equal("Asia/Novosibirsk", digest.TimeZone.Id);
    }

    [Fact]
    public void Neither_job_runs_twice_at_once()
    {
        Assert.NotNull(Attribute.GetCustomAttribute(typeof(SyncJob), typeof(DisallowConcurrentExecutionAttribute)));
        Assert.NotNull(Attribute.GetCustomAttribute(typeof(DigestJob), typeof(DisallowConcurrentExecutionAttribute)));
    }

    [Fact]
    public void The_default_time_zone_is_Moscow()
    {
        using var host = CrmBridgeHost.Build([]);

        Assert.Equal("Europe/Moscow", host.Services.GetRequiredService<PortalTimeZone>().Zone.Id);
    }
}
