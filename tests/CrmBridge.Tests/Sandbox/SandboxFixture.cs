using System.Net.Http.Json;
using System.Text.Json;
using CrmBridge.Sandbox;
using CrmBridge.Sandbox.Portal;

namespace CrmBridge.Tests.Sandbox;

/// <summary>One sandbox (5,000 companies, no rate limits) shared by a test class, with an HttpClient on 127.0.0.1.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;

    public HttpClient Http { get; } = new();

    public async Task InitializeAsync() =>
        Server = await SandboxServer.StartAsync(new SandboxOptions { Spec = new SamplePortalSpec { Size = 5_000, Seed = 11 }, RateLimits = false }, CancellationToken.None);

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    public async Task<JsonElement> BitrixAsync(string method, object body)
    {
        using var response = await Http.PostAsJsonAsync(new Uri(Server.Bitrix24WebhookUrl, method + ".json"), body);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public HttpRequestMessage Amo(HttpMethod method, string pathAndQuery)
    {
        var request = new HttpRequestMessage(method, new Uri(Server.AmoCrmBaseUrl, pathAndQuery));
        request.Headers.Authorization = new("Bearer", Server.Options.AmoAccessToken);
        return request;
    }
}
