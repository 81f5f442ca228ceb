using CrmBridge.Hosting;
using CrmBridge.Rules;
using CrmBridge.Storage;
using CrmBridge.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Tests.Sync;

public sealed class SyncCycleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crmbridge-cycle-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_tick_with_no_CRM_configured_does_not_count_as_the_rules_first_run()
    {
        using var host = CrmBridgeHost.Build([], overrides: new Dictionary<string, string?> { ["Storage:Path"] = Path.Combine(_folder, "store.db") });

        var cycle = await host.Services.GetRequiredService<SyncCycle>().RunAsync(CancellationToken.None);

        Assert.Empty(cycle.Sources);
        Assert.Null(host.Services.GetRequiredService<ICrmStore>().Values.Get(RuleStep.FirstRunKey));
    }
}
