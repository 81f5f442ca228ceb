using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Hosting;
using CrmBridge.Rules;
using CrmBridge.Sandbox;
using CrmBridge.Sandbox.Demo;
using CrmBridge.Sandbox.Portal;
using CrmBridge.Storage;
using CrmBridge.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Tests.Sync;

/// <summary>Rules judge a CRM only from a completed load; its first run is recorded when that happens.</summary>
public sealed class CompleteDataRulesTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("crmbridge-complete-").FullName;
    private SandboxServer sandbox = null!;

    private string StorePath => Path.Combine(folder, "store.db");

    public async Task InitializeAsync()
    {
        var now = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"));
        var portal = SamplePortal.Generate(new SamplePortalSpec { Size = 200, Seed = 7, Now = now });
        sandbox = await SandboxServer.StartAsync(new SandboxOptions { Portal = portal, RateLimits = false }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await sandbox.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task On_a_first_run_where_amoCRM_failed_the_rules_judge_only_Bitrix24_and_amoCRM_gets_its_own_first_run_later()
    {
        // Arrange: amoCRM refuses the token on the first tick.
        var broken = DemoConfiguration.For(sandbox, StorePath);
        broken["AmoCrm:AccessToken"] = "revoked-token";

        // Act: the first tick, then a tick with amoCRM working again.
        CycleResult first;
        string amoAccount;
        using (var host = Host(broken))
        {
            first = await host.Services.GetRequiredService<SyncCycle>().RunAsync(CancellationToken.None);
            amoAccount = host.Services.GetServices<ICrmConnector>().Single(c => c.Crm == CrmKind.AmoCrm).Account;
        }

        CycleResult second;
        using (var host = Host(DemoConfiguration.For(sandbox, StorePath)))
        {
            second = await host.Services.GetRequiredService<SyncCycle>().RunAsync(CancellationToken.None);
        }

        // Assert
        Assert.NotNull(first.Sources.Single(s => s.Crm == CrmKind.AmoCrm).Error);
        Assert.NotEmpty(first.Rules.Findings);
        Assert.DoesNotContain(first.Rules.Findings, f => f.Crm == "amocrm");
        Assert.Contains(second.Rules.Findings, f => f.Crm == "amocrm");
        Assert.True(second.Rules.FirstRun, "the tick that first reads amoCRM completely is its first run");
        using var store = CrmStore.Open(StorePath);
        var bitrixFirst = store.Values.Get(RuleStep.FirstRunKey + ":bitrix24:" + first.Sources.Single(s => s.Crm == CrmKind.Bitrix24).Account);
        var amoFirst = store.Values.Get(RuleStep.FirstRunKey + ":amocrm:" + amoAccount);
        Assert.Equal(first.Rules.GeneratedAt, DateTimeOffset.Parse(bitrixFirst!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(second.Rules.GeneratedAt, DateTimeOffset.Parse(amoFirst!, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static IHost Host(Dictionary<string, string?> settings) =>
        CrmBridgeHost.Build([], overrides: settings, configureLogging: logging => logging.ClearProviders());
}
