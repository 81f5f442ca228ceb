using CrmBridge.Bitrix24;
using CrmBridge.Bitrix24.Transport;
using CrmBridge.Crm;
using CrmBridge.Foundation;
using CrmBridge.Storage;
using CrmBridge.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Tests.Bitrix24.Fakes;

/// <summary>The real AddBitrix24 graph with only configuration, the clock, the Store and logging replaced.</summary>
internal sealed class Bitrix24TestHost : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(3));

    public static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    private readonly ServiceProvider services;

    public Bitrix24TestHost(FakePortal portal, IDictionary<string, string?>? settings = null, TestStore? store = null)
        : this(portal.WebhookUrl, settings, Start, store)
    {
        Portal = portal;
        portal.Clock = Time.GetUtcNow;
    }

    /// <summary>Against any portal on loopback (the sandbox), with the clock at <paramref name="start"/>.</summary>
    public Bitrix24TestHost(string webhookUrl, IDictionary<string, string?>? settings, DateTimeOffset start, TestStore? store = null)
    {
        Store = store ?? new TestStore();
        Time = new DrivenTimeProvider(start);
        var values = new Dictionary<string, string?>
        {
            ["Bitrix24:WebhookUrl"] = webhookUrl,
            ["Bitrix24:MaxRetries"] = "3",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton<ICrmStore>(Store);
        collection.AddSingleton(new PortalTimeZone(Moscow));
        collection.AddBitrix24(configuration);
        services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public FakePortal? Portal { get; }

    public TestStore Store { get; }

    public DrivenTimeProvider Time { get; }

    public LogCapture Logs { get; } = new();

    public ICrmConnector Connector => services.GetRequiredService<ICrmConnector>();

    public Bitrix24Transport Transport => services.GetRequiredService<Bitrix24Transport>();

    public IServiceProvider Services => services;

    public Task<SyncSummary> SyncAsync() => Time.RunAsync(() => Connector.SyncAsync(CancellationToken.None));

    public void Dispose()
    {
        services.Dispose();
        Store.Dispose();
    }
}
