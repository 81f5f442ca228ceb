using CrmBridge.Core.Identifiers;
using CrmBridge.Core.Model;
using CrmBridge.Enrichment;
using CrmBridge.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CrmBridge.Tests.Enrichment;

public sealed class DaDataProviderTests : IDisposable
{
    private const string Path = "/suggestions/api/4_1/rs/findById/party";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly LogCapture _logs = new();
    private readonly ServiceProvider _services;

    public DaDataProviderTests()
    {
        _services = EnrichmentTestHost.Build(
            new Dictionary<string, string?> { ["Enrichment:DaData:BaseUrl"] = _server.Url, ["Enrichment:DaData:Token"] = EnrichmentTestHost.Token },
            new FakeTimeProvider(),
            _logs);
    }

    private IEnrichmentProvider Provider => Assert.Single(_services.GetServices<IEnrichmentProvider>());

    private void Answer(string inn, int status, string? fixture = null, string? retryAfter = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json");
        if (fixture is not null)
        {
            response = response.WithBody(EnrichmentTestHost.Fixture(fixture));
        }

        if (retryAfter is not null)
        {
            response = response.WithHeader("Retry-After", retryAfter);
        }

        _server.Given(Request.Create().WithPath(Path).UsingPost()
                .WithHeader("Authorization", $"Token {EnrichmentTestHost.Token}")
                .WithBody(new JsonMatcher($$"""{"query":"{{inn}}"}""")))
            .RespondWith(response);
    }

    [Fact]
    public async Task A_found_company_comes_back_as_a_profile_of_its_main_office()
    {
        Answer("7805746764", 200, "dadata-findById-party.response.json");

        var profile = await Provider.FindByInnAsync(Inn.Parse("7805746764"), CancellationToken.None);

        Assert.NotNull(profile);
        Assert.Equal("7805746764", profile.Inn);
        Assert.Equal("ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ \"ПР\"", profile.FullName);
        Assert.Equal("ООО \"ПР\"", profile.ShortName);
        Assert.Equal("1197847066020", profile.Ogrn);
        Assert.Equal("780501001", profile.Kpp);
        Assert.Equal("г Санкт-Петербург", profile.Region);
        Assert.StartsWith("198096, г Санкт-Петербург", profile.Address, StringComparison.Ordinal);
        Assert.Equal("Антошина Екатерина Юрьевна", profile.Director);
        Assert.Equal(new DateOnly(2019, 3, 20), profile.RegisteredOn);
        Assert.Equal(RegistryStatus.Active, profile.Status);
        Assert.Equal("46.90", profile.Okved);
        Assert.Equal(37, profile.Headcount);
        Assert.Equal(154_000_000m, profile.Revenue);
        Assert.Equal(2, profile.BranchCount);
        Assert.Equal("dadata", profile.Source);
    }

    [Fact]
    public async Task An_unknown_status_is_kept_as_text_instead_of_failing_the_parse()
    {
        Answer("7805746764", 200, "dadata-findById-party.unknown-status.response.json");

        var profile = await Provider.FindByInnAsync(Inn.Parse("7805746764"), CancellationToken.None);

        Assert.NotNull(profile);
        Assert.Equal(RegistryStatus.Unknown, profile.Status);
        Assert.Equal("SUSPENDED_BY_COURT", profile.RawStatus);
    }

    [Fact]
    public async Task No_suggestions_means_the_registry_knows_nothing()
    {
        Answer("7707083893", 200, "dadata-findById-party.empty.response.json");

        Assert.Null(await Provider.FindByInnAsync(Inn.Parse("7707083893"), CancellationToken.None));
    }

    [Fact]
    public async Task Too_many_requests_is_a_transient_failure_with_the_servers_hint()
    {
        Answer("7707083893", 429, retryAfter: "120");

        var failure = await Assert.ThrowsAsync<EnrichmentProviderException>(() => Provider.FindByInnAsync(Inn.Parse("7707083893"), CancellationToken.None));

        Assert.True(failure.Transient);
        Assert.Equal(TimeSpan.FromSeconds(120), failure.RetryAfter);
    }

    [Fact]
    public async Task A_server_error_is_a_transient_failure()
    {
        Answer("7707083893", 503);

        var failure = await Assert.ThrowsAsync<EnrichmentProviderException>(() => Provider.FindByInnAsync(Inn.Parse("7707083893"), CancellationToken.None));

        Assert.True(failure.Transient);
        Assert.Contains("HTTP 503", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_key_names_the_setting_and_never_the_token()
    {
        Answer("7707083893", 403);

        var failure = await Assert.ThrowsAsync<EnrichmentProviderException>(() => Provider.FindByInnAsync(Inn.Parse("7707083893"), CancellationToken.None));

        Assert.False(failure.Transient);
        Assert.Contains("Enrichment:DaData:Token", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(EnrichmentTestHost.Token, failure.ToString(), StringComparison.Ordinal);
        _logs.AssertNoSecret(EnrichmentTestHost.Token);
    }

    public void Dispose()
    {
        _services.Dispose();
        _server.Dispose();
        _logs.Dispose();
    }
}
