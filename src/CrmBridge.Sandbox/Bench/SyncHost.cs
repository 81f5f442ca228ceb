using System.Globalization;
using CrmBridge.AmoCrm;
using CrmBridge.Bitrix24;
using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Foundation;
using CrmBridge.Sandbox;
using CrmBridge.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CrmBridge.Sandbox.Bench;

/// <summary>
/// The real connectors wired as the worker wires them (AddStorage + AddBitrix24 + AddAmoCrm), pointed at the
/// sandbox, with the client-side limits set to the plan the sandbox enforces and a fresh Store file.
/// </summary>
internal sealed class SyncHost : IAsyncDisposable
{
    /// <summary>Client-side rates when the sandbox's limits are off (amoCRM's setting allows at most 50).</summary>
    private const int UnlimitedBitrixRate = 100_000;
    private const int UnlimitedAmoRate = 50;

    private readonly ServiceProvider _provider;
    private readonly string _directory;

    private SyncHost(ServiceProvider provider, string directory)
    {
        _provider = provider;
        _directory = directory;
        Store = (CountingCrmStore)provider.GetRequiredService<ICrmStore>();
        var connectors = provider.GetServices<ICrmConnector>().ToList();
        Bitrix24 = connectors.Single(c => c.Crm == CrmKind.Bitrix24);
        AmoCrm = connectors.Single(c => c.Crm == CrmKind.AmoCrm);
    }

    public CountingCrmStore Store { get; }

    public ICrmConnector Bitrix24 { get; }

    public ICrmConnector AmoCrm { get; }

    public static SyncHost Create(SandboxServer sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var options = sandbox.Options;
        var directory = Path.Combine(Path.GetTempPath(), "crmbridge-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(directory, "bench.db"),
            ["Bitrix24:WebhookUrl"] = sandbox.Bitrix24WebhookUrl.AbsoluteUri,
            ["Bitrix24:RequestsPerSecond"] = Text(options.RateLimits ? options.BitrixDrainPerSecond : UnlimitedBitrixRate),
            ["Bitrix24:Burst"] = Text(options.RateLimits ? options.BitrixBurst : UnlimitedBitrixRate),
            ["AmoCrm:BaseUrl"] = sandbox.AmoCrmBaseUrl.AbsoluteUri,
            ["AmoCrm:AccessToken"] = options.AmoAccessToken,
            ["AmoCrm:RequestsPerSecond"] = Text(options.RateLimits ? options.AmoRequestsPerSecond : UnlimitedAmoRate),
        }).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(new PortalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")));
        // Registered before AddStorage, whose TryAdd then keeps this decorator as the ICrmStore everyone gets.
        services.AddSingleton<ICrmStore>(sp => new CountingCrmStore(sp.GetRequiredService<CrmStore>()));
        services.AddStorage(configuration).AddBitrix24(configuration).AddAmoCrm(configuration);
        return new SyncHost(services.BuildServiceProvider(), directory);
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp file left behind is harmless.
        }
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
