using CrmBridge.Dedupe;
using CrmBridge.Digest;
using CrmBridge.Enrichment;
using CrmBridge.Foundation;
using CrmBridge.Notifications;
using CrmBridge.Outbox;
using CrmBridge.Rules;
using CrmBridge.Storage;
using CrmBridge.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrmBridge.Tests.Digest;

public class DigestServiceCollectionTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json"))
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(new PortalTimeZone(DigestScenario.Moscow));
        services.AddStorage(configuration);
        services.AddOutbox(configuration);
        services.AddEnrichment(configuration);
        services.AddDedupe(configuration);
        services.AddRules(configuration);
        services.AddNotifications(configuration);
        services.AddTelegram(configuration);
        services.AddDigest(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void The_digest_and_Telegram_resolve_over_storage_and_outbox_even_without_a_bot_token()
    {
        using var provider = Build(new() { ["Storage:Path"] = CrmStore.InMemoryPath, ["Telegram:HeadChatIds:0"] = "555001" });

        Assert.IsType<DigestRunner>(provider.GetRequiredService<DigestRunner>());
        Assert.Contains(provider.GetServices<IActionExecutor>(), executor => executor.CanExecute(ActionKinds.TelegramMessage));
        Assert.IsType<NudgeRenderer>(provider.GetRequiredService<INudgeRenderer>());
        Assert.Equal([555001L], provider.GetRequiredService<IChatDirectory>().HeadChatIds);
        Assert.Contains(provider.GetServices<IHostedService>(), service => service is TelegramBotWorker);

        // An empty store still renders a digest for `crmbridge digest --print`.
        Assert.Contains("Сводка", provider.GetRequiredService<DigestRunner>().RenderForConsole(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_KPI_setting_stops_start_up_with_its_key()
    {
        using var provider = Build(new() { ["Storage:Path"] = CrmStore.InMemoryPath, ["Kpi:TopZonePercent"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CrmBridge.Kpi.KpiOptions>>().Value);
        Assert.Contains("Kpi:TopZonePercent: must be between 1 and 100", error.Message, StringComparison.Ordinal);
    }
}
