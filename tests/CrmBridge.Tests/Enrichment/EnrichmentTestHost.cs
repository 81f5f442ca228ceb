using CrmBridge.Enrichment;
using CrmBridge.Storage;
using CrmBridge.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.Enrichment;

/// <summary>The real AddEnrichment registration with only configuration overridden, over an in-memory Store.</summary>
internal static class EnrichmentTestHost
{
    public const string Token = "dadata-test-token-7f3a9c2e51";

    public static ServiceProvider Build(IDictionary<string, string?> settings, FakeTimeProvider time, LogCapture logs)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<ICrmStore>(_ => CrmStore.OpenInMemory(time));
        services.AddEnrichment(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Enrichment", name));
}
