using System.Globalization;
using System.Net;
using CrmBridge.Sandbox.AmoCrm;
using CrmBridge.Sandbox.Bitrix24;
using CrmBridge.Sandbox.Portal;
using CrmBridge.Sandbox.Registry;
using CrmBridge.Sandbox.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBridge.Sandbox;

/// <summary>
/// A loopback Kestrel server standing in for Bitrix24 (webhook REST and batch), amoCRM API v4 with OAuth2,
/// the Telegram Bot API and a company registry (DaData-like JSON and an HTML page), serving a sample portal.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SandboxState _state;
    private readonly TelegramEndpoints _telegram;

    private SandboxServer(WebApplication app, SandboxState state, TelegramEndpoints telegram, SandboxOptions options, Uri baseUri, SandboxCounters counters)
    {
        Counters = counters;
        _app = app;
        _state = state;
        _telegram = telegram;
        Options = options;
        BaseUri = baseUri;
    }

    public SandboxOptions Options { get; }

    public SamplePortal Portal => _state.Portal;

    public PlantedFacts Facts => _state.Portal.Facts;

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseUri { get; }

    /// <summary>The inbound webhook: http://127.0.0.1:PORT/bitrix24/rest/1/SECRET/ (a secret: do not log it).</summary>
    public Uri Bitrix24WebhookUrl => new(BaseUri, $"bitrix24/rest/{Options.BitrixUserId.ToString(CultureInfo.InvariantCulture)}/{Options.BitrixSecret}/");

    /// <summary>The amoCRM account root; the API is under /api/v4, the token endpoint at /oauth2/access_token.</summary>
    public Uri AmoCrmBaseUrl => BaseUri;

    /// <summary>The Bot API root: calls go to {root}/bot{token}/{method}, as Telegram.Bot builds them.</summary>
    public Uri TelegramApiBaseUrl => BaseUri;

    /// <summary>The DaData-like provider root: POST {root}/suggestions/api/4_1/rs/findById/party.</summary>
    public Uri DaDataBaseUrl => BaseUri;

    /// <summary>The HTML registry page with an "{inn}" placeholder.</summary>
    public string RegistryHtmlUrlTemplate => new Uri(BaseUri, "registry/").AbsoluteUri + "{inn}";

    public SandboxCounters Counters { get; }

    public IReadOnlyCollection<CapturedTelegramRequest> TelegramRequests => _telegram.Captured;

    public IReadOnlyCollection<CapturedCrmWrite> CrmWrites => _state.Writes;

    /// <summary>Comments, to-dos, notes and tasks clients added, as the list methods show them back.</summary>
    public IReadOnlyCollection<WrittenItem> Written => _state.Written;

    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var portal = options.Portal ?? SamplePortal.Generate(options.Spec);
        // An empty builder reads no appsettings or environment, so the host's configuration never leaks in.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var state = new SandboxState(portal, options.TimeProvider);
        var counters = new SandboxCounters();
        var telegram = new TelegramEndpoints(options, counters, options.TimeProvider);
        new BitrixEndpoints(state, options, counters).Map(app);
        new AmoEndpoints(state, options, counters).Map(app);
        telegram.Map(app);
        new RegistryEndpoints(state, options, counters).Map(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new SandboxServer(app, state, telegram, options, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), counters);
    }

    /// <summary>Bumps DATE_MODIFY/updated_at of a deterministic share of companies (spread evenly), as if edited now.</summary>
    public int TouchCompanies(double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1);
        var count = (int)Math.Round(Portal.Size * fraction);
        if (count == 0)
        {
            return 0;
        }

        var step = (double)Portal.Size / count;
        _state.TouchMany(Enumerable.Range(0, count).Select(i => (int)(i * step)).ToList());
        return count;
    }

    /// <summary>The next <paramref name="count"/> Bot API calls get 429 with retry_after.</summary>
    public void InjectTelegramTooManyRequests(int count, int retryAfterSeconds) => _telegram.InjectTooManyRequests(count, retryAfterSeconds);

    /// <summary>A person writes <paramref name="text"/> to the bot from a private chat (or a group with a title): getUpdates serves it.</summary>
    public void WriteToTelegramBot(long chatId, string name, string text, string? groupTitle = null) => _telegram.AddMessage(chatId, name, text, groupTitle);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
