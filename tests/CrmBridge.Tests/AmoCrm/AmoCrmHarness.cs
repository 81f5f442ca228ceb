using System.Net;
using System.Net.Sockets;
using System.Web;
using CrmBridge.AmoCrm;
using CrmBridge.AmoCrm.Auth;
using CrmBridge.Foundation;
using CrmBridge.Storage;
using CrmBridge.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace CrmBridge.Tests.AmoCrm;

/// <summary>
/// The real AddAmoCrm graph against a strict WireMock amoCRM on 127.0.0.1: unmatched requests get 404 and
/// fail the test in <see cref="AssertOnlyExpectedRequests"/>. Time is fake, retries do not wait.
/// </summary>
internal sealed class AmoCrmHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    private readonly ServiceProvider _services;
    private readonly bool _ownsServer;
    private readonly bool _ownsStore;

    private AmoCrmHarness(
        WireMockServer server, bool ownsServer, ObservedCrmStore store, bool ownsStore, FakeTimeProvider time, IDictionary<string, string?> settings)
    {
        _ownsStore = ownsStore;
        Server = server;
        _ownsServer = ownsServer;
        Store = store;
        Time = time;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<ICrmStore>(store);
        services.AddSingleton(new PortalTimeZone(Moscow));
        services.AddAmoCrm(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public WireMockServer Server { get; }

    public ObservedCrmStore Store { get; }

    public FakeTimeProvider Time { get; }

    public LogCapture Logs { get; } = new();

    public AmoCrmConnector Connector => _services.GetRequiredService<AmoCrmConnector>();

    public AmoTokenManager Tokens => _services.GetRequiredService<AmoTokenManager>();

    public IServiceProvider Services => _services;

    public string Account => Connector.Account;

    /// <summary>Long-lived token mode; pass the store and server of an earlier harness to model a restarted process.</summary>
    public static AmoCrmHarness LongLived(
        Action<Dictionary<string, string?>>? configure = null, ObservedCrmStore? store = null, WireMockServer? server = null, FakeTimeProvider? time = null) =>
        Create(new Dictionary<string, string?> { ["AmoCrm:AccessToken"] = AmoFixture.LongLivedToken }, configure, store, server, time);

    /// <summary>OAuth mode; pass the store and server of an earlier harness to model a restarted process.</summary>
    public static AmoCrmHarness OAuth(
        Action<Dictionary<string, string?>>? configure = null, ObservedCrmStore? store = null, WireMockServer? server = null, FakeTimeProvider? time = null) =>
        Create(
            new Dictionary<string, string?>
            {
                ["AmoCrm:ClientId"] = "8b1e0b0c-6f5e-4d0a-9d55-2f8a2b9b1c11",
                ["AmoCrm:ClientSecret"] = AmoFixture.ClientSecret,
                ["AmoCrm:RedirectUri"] = "https://crmbridge.example/amocrm/callback",
            },
            configure,
            store,
            server,
            time);

    private static AmoCrmHarness Create(
        Dictionary<string, string?> mode,
        Action<Dictionary<string, string?>>? configure,
        ObservedCrmStore? store = null,
        WireMockServer? server = null,
        FakeTimeProvider? time = null)
    {
        var ownsServer = server is null;
        server ??= StartServer();
        var settings = new Dictionary<string, string?>(mode)
        {
            ["AmoCrm:BaseUrl"] = $"http://127.0.0.1:{server.Port}",
            ["AmoCrm:RequestsPerSecond"] = "50",
            ["AmoCrm:RetryDelay"] = "00:00:00",
            ["AmoCrm:MaxRetries"] = "2",
        };
        configure?.Invoke(settings);
        time ??= new FakeTimeProvider(Start);
        return new AmoCrmHarness(server, ownsServer, store ?? new ObservedCrmStore(time), store is null, time, settings);
    }

    public static WireMockServer StartServer() =>
        WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });

    /// <summary>Every list the sync reads answers 204 (empty) unless a test maps it more specifically.</summary>
    public AmoCrmHarness WithEmptyLists()
    {
        foreach (var path in new[]
                 {
                     "/api/v4/users", "/api/v4/leads/pipelines", "/api/v4/companies", "/api/v4/contacts", "/api/v4/leads",
                     "/api/v4/tasks", "/api/v4/companies/notes", "/api/v4/events",
                 })
        {
            Server.Given(Request.Create().WithPath(path).UsingGet()).AtPriority(100)
                .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.NoContent));
        }

        return this;
    }

    public static IResponseBuilder Json(string fixture, HttpStatusCode status = HttpStatusCode.OK) =>
        Response.Create().WithStatusCode(status)
            .WithHeader("Content-Type", status < HttpStatusCode.BadRequest ? "application/hal+json" : "application/problem+json")
            .WithBody(AmoFixture.Read(fixture));

    public IReadOnlyList<ILogEntry> Requests(string path) =>
        [.. Server.LogEntries.Where(e => e.RequestMessage.Path == path)];

    /// <summary>The decoded query of a logged request (WireMock keeps the keys percent-encoded).</summary>
    public static ILookup<string, string> Query(ILogEntry entry)
    {
        var query = HttpUtility.ParseQueryString(new Uri(entry.RequestMessage.Url).Query);
        return query.AllKeys.OfType<string>().SelectMany(k => query.GetValues(k)!.Select(v => (k, v))).ToLookup(p => p.k, p => p.v);
    }

    public void AssertOnlyExpectedRequests()
    {
        var unexpected = Server.LogEntries.Where(e => e.MappingGuid is null).Select(e => $"{e.RequestMessage.Method} {e.RequestMessage.Url}").ToList();
        Assert.True(unexpected.Count == 0, "Unexpected requests: " + string.Join(", ", unexpected));
    }

    /// <summary>No token, code or client secret in any log line or in the given exception chain.</summary>
    public void AssertNoSecretLeaked(Exception? exception = null)
    {
        var texts = Logs.Lines.ToList();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            texts.Add(e.ToString());
        }

        foreach (var secret in AmoFixture.Secrets)
        {
            Assert.DoesNotContain(texts, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    public void Dispose()
    {
        _services.Dispose();
        if (_ownsStore)
        {
            Store.Dispose();
        }

        if (_ownsServer)
        {
            Server.Stop();
            Server.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
