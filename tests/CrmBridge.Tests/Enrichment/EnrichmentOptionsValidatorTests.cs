using CrmBridge.Enrichment;
using CrmBridge.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.Enrichment;

public class EnrichmentOptionsValidatorTests
{
    [Fact]
    public void The_shipped_appsettings_bind_to_valid_defaults()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json"))
            .Build();
        using var logs = new LogCapture();
        using var services = EnrichmentTestHost.Build(
            configuration.AsEnumerable().ToDictionary(p => p.Key, p => p.Value), new FakeTimeProvider(), logs);

        var options = services.GetRequiredService<IOptions<EnrichmentOptions>>().Value;

        Assert.Equal(TimeSpan.FromDays(30), options.CacheTtl);
        Assert.Equal(100, options.LookupsPerTick);
        Assert.Equal(3, options.PauseAfterFailures);
        Assert.Null(options.CategoryCriteria.MinHeadcount);
        Assert.False(options.WriteBackEmptyFields);
        Assert.Empty(services.GetServices<IEnrichmentProvider>());
    }

    [Fact]
    public void Bad_settings_are_named_one_per_line_without_the_token()
    {
        var options = new EnrichmentOptions
        {
            DaData = new DaDataOptions { BaseUrl = "not a url", Token = "secret token value" },
            CacheTtl = TimeSpan.Zero,
            RequestsPerSecond = 0,
            LookupsPerTick = -1,
            PauseAfterFailures = 0,
        };

        var result = new EnrichmentOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Enrichment:DaData:BaseUrl:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Enrichment:DaData:Token:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Enrichment:CacheTtl:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Enrichment:RequestsPerSecond:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Enrichment:LookupsPerTick:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Enrichment:PauseAfterFailures:", StringComparison.Ordinal));
        Assert.All(failures, f => Assert.DoesNotContain("secret token value", f, StringComparison.Ordinal));
    }
}
