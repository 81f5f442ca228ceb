using CrmBridge.Core.Model;
using CrmBridge.Enrichment;
using CrmBridge.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.Enrichment;

public sealed class InnLookupTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly CrmStore _store;

    public InnLookupTests() => _store = CrmStore.OpenInMemory(_time);

    private InnLookup Lookup(params IEnrichmentProvider[] providers) =>
        new(_store.Enrichment, providers, Options.Create(new EnrichmentOptions()), _time);

    [Fact]
    public async Task An_invalid_number_says_which_rule_it_breaks()
    {
        var result = await Lookup().LookupAsync("7707083894", CancellationToken.None);

        Assert.False(result.Valid);
        Assert.Equal("7707083894: invalid — INN check digit at position 10 is 4, expected 3", Assert.Single(result.Lines));
    }

    [Fact]
    public async Task A_fresh_cache_answers_without_asking_the_registry()
    {
        _store.Enrichment.Put("7707083893", new CompanyProfile { Inn = "7707083893", ShortName = "ПАО СБЕРБАНК", Status = RegistryStatus.Active, Source = "dadata" }, _time.GetUtcNow().AddDays(-3));
        var provider = new ScriptedProvider(_time);

        var result = await Lookup(provider).LookupAsync("7707083893", CancellationToken.None);

        Assert.Empty(provider.Calls);
        Assert.Contains("  Short name: ПАО СБЕРБАНК", result.Lines);
        Assert.Contains("Registry data cached 2026-11-20:", result.Lines);
    }

    [Fact]
    public async Task Without_a_cache_entry_the_registry_is_asked_and_the_answer_kept()
    {
        var provider = new ScriptedProvider(_time).Knows("7707083893");

        var result = await Lookup(provider).LookupAsync("ИНН 7707 083 893", CancellationToken.None);

        Assert.Equal("INN 7707083893: valid, legal entity (10 digits)", result.Lines[0]);
        Assert.Contains("  Status: Active", result.Lines);
        Assert.NotNull(_store.Enrichment.Get("7707083893")?.Profile);
    }

    public void Dispose() => _store.Dispose();
}
