using CrmBridge.Core.Identifiers;
using CrmBridge.Core.Model;
using CrmBridge.Enrichment;
using CrmBridge.Enrichment.Html;
using CrmBridge.Foundation;
using CrmBridge.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CrmBridge.Tests.Enrichment;

public sealed class HtmlRegistryProviderTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly LogCapture _logs = new();
    private readonly string _configPath = Path.Combine(Path.GetTempPath(), $"registry-{Guid.NewGuid():N}.json");
    private readonly ServiceProvider _services;

    public HtmlRegistryProviderTests()
    {
        File.WriteAllText(_configPath, EnrichmentTestHost.Fixture("registry-config.json").Replace("{baseUrl}", _server.Url, StringComparison.Ordinal));
        _services = EnrichmentTestHost.Build(
            new Dictionary<string, string?> { ["Enrichment:Html:ConfigPath"] = _configPath }, new FakeTimeProvider(), _logs);
    }

    private IEnrichmentProvider Provider => Assert.Single(_services.GetServices<IEnrichmentProvider>());

    private void Page(string inn, string fixture, int status = 200) =>
        _server.Given(Request.Create().WithPath($"/company/{inn}").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/html; charset=utf-8").WithBody(EnrichmentTestHost.Fixture(fixture)));

    [Fact]
    public async Task Every_configured_field_is_read_from_the_page()
    {
        Page("7707083893", "registry-company.html");

        var profile = await Provider.FindByInnAsync(Inn.Parse("7707083893"), CancellationToken.None);

        Assert.NotNull(profile);
        Assert.Equal("ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ «РОМАШКА»", profile.FullName);
        Assert.Equal("ООО «Ромашка»", profile.ShortName);
        Assert.Equal("1027700132195", profile.Ogrn);
        Assert.Equal("773601001", profile.Kpp);
        Assert.Equal("117312, г Москва, ул Вавилова, д 19", profile.Address);
        Assert.Equal("г Москва", profile.Region);
        Assert.Equal("Иванов Иван Иванович", profile.Director);
        Assert.Equal(new DateOnly(2002, 8, 16), profile.RegisteredOn);
        Assert.Equal(RegistryStatus.Active, profile.Status);
        Assert.Equal("64.19", profile.Okved);
        Assert.Equal(1250, profile.Headcount);
        Assert.Equal(3_456_789.50m, profile.Revenue);
        Assert.Equal(12, profile.BranchCount);
        Assert.Equal("test-registry", profile.Source);
    }

    [Fact]
    public async Task Fields_missing_from_the_page_are_null_and_the_rest_is_kept()
    {
        Page("7736050003", "registry-company-missing-fields.html");

        var profile = await Provider.FindByInnAsync(Inn.Parse("7736050003"), CancellationToken.None);

        Assert.NotNull(profile);
        Assert.Equal("ООО «Звезда»", profile.FullName);
        Assert.Equal(RegistryStatus.Liquidating, profile.Status);
        Assert.Null(profile.Kpp);
        Assert.Null(profile.Director);
        Assert.Null(profile.Headcount);
        Assert.Null(profile.RegisteredOn);
        Assert.Contains(_logs.Lines, l => l.Contains("lacks", StringComparison.Ordinal) && l.Contains("kpp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_layout_is_reported_as_selector_found_nothing_not_as_a_crash_or_an_unknown_company()
    {
        Page("7707083893", "registry-company-new-layout.html");

        var failure = await Assert.ThrowsAsync<EnrichmentProviderException>(() => Provider.FindByInnAsync(Inn.Parse("7707083893"), CancellationToken.None));

        Assert.False(failure.Transient);
        Assert.Contains("selector found nothing", failure.Message, StringComparison.Ordinal);
        Assert.Contains(_configPath, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registrys_nothing_found_page_means_unknown()
    {
        Page("7707083893", "registry-not-found.html");

        Assert.Null(await Provider.FindByInnAsync(Inn.Parse("7707083893"), CancellationToken.None));
    }

    [Fact]
    public async Task A_page_about_another_INN_is_not_taken_for_the_asked_one()
    {
        Page("7736050003", "registry-company.html");

        Assert.Null(await Provider.FindByInnAsync(Inn.Parse("7736050003"), CancellationToken.None));
    }

    [Fact]
    public async Task A_server_error_is_transient()
    {
        Page("7707083893", "registry-not-found.html", status: 502);

        var failure = await Assert.ThrowsAsync<EnrichmentProviderException>(() => Provider.FindByInnAsync(Inn.Parse("7707083893"), CancellationToken.None));

        Assert.True(failure.Transient);
    }

    [Fact]
    public void A_config_without_the_inn_placeholder_is_refused_with_the_setting_named()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-registry-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "urlTemplate": "https://registry.example/company", "fields": { "fullName": "h1", "colour": "p" } }""");
        try
        {
            var error = Assert.Throws<ConfigurationException>(() => HtmlRegistryConfig.Load(path));

            Assert.StartsWith("Enrichment:Html:ConfigPath:", error.Message, StringComparison.Ordinal);
            Assert.Contains("{inn}", error.Message, StringComparison.Ordinal);
            Assert.Contains(error.Problems, p => p.Contains("unknown field 'colour'", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public void Dispose()
    {
        _services.Dispose();
        _server.Dispose();
        _logs.Dispose();
        File.Delete(_configPath);
    }
}
