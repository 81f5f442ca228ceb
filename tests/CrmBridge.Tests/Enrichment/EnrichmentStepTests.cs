using CrmBridge.Core.Model;
using CrmBridge.Enrichment;
using CrmBridge.Storage;
using CrmBridge.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CrmBridge.Tests.Enrichment;

public sealed class EnrichmentStepTests : IDisposable
{
    private const string A = "7707083893";
    private const string B = "7736050003";
    private const string C = "7805746764";
    private const string D = "7719402047";
    private const string E = "500100732259";
    private const string F = "7710140301";
    private const string G = "7710141305";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly CrmStore _store;
    private readonly LogCapture _logs = new();

    public EnrichmentStepTests() => _store = CrmStore.OpenInMemory(_time);

    private EnrichmentStep Step(EnrichmentOptions options, params IEnrichmentProvider[] providers) =>
        new(_store, providers, Options.Create(options), _time, _logs.CreateLogger<EnrichmentStep>());

    // The step waits on fake time between requests; move the clock until the tick is done.
    private async Task<EnrichmentTickSummary> TickAsync(EnrichmentStep step, params string[] inns)
    {
        var tick = step.RunAsync(inns, CancellationToken.None);
        while (!tick.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Yield();
        }

        return await tick;
    }

    [Fact]
    public async Task Only_INNs_missing_from_the_cache_or_past_the_TTL_are_asked()
    {
        var provider = new ScriptedProvider(_time).Knows(A).Knows(B).Knows(C);
        _store.Enrichment.Put(A, new CompanyProfile { Inn = A, Source = "old" }, _time.GetUtcNow().AddDays(-29));
        _store.Enrichment.Put(B, new CompanyProfile { Inn = B, Source = "old" }, _time.GetUtcNow().AddDays(-31));

        var summary = await TickAsync(Step(new EnrichmentOptions(), provider), A, B, C, "7707083894", null!);

        Assert.Equal([C, B], provider.Calls.Select(c => c.Inn));
        Assert.Equal(2, summary.Found);
        Assert.Equal("scripted", _store.Enrichment.Get(B)!.Profile!.Source);
        Assert.Equal("old", _store.Enrichment.Get(A)!.Profile!.Source);
    }

    [Fact]
    public async Task A_not_found_answer_is_cached_too_so_it_is_not_asked_every_tick()
    {
        var provider = new ScriptedProvider(_time).DoesNotKnow(A);
        var step = Step(new EnrichmentOptions(), provider);

        var first = await TickAsync(step, A);
        await TickAsync(step, A);

        Assert.Equal(1, first.NotFound);
        Assert.Single(provider.Calls);
        Assert.Null(_store.Enrichment.Get(A)!.Profile);
    }

    [Fact]
    public async Task The_budget_limits_requests_per_tick_and_the_rest_waits_for_the_next_tick()
    {
        var provider = new ScriptedProvider(_time).Knows(A).Knows(B).Knows(C).Knows(D).Knows(E);
        var step = Step(new EnrichmentOptions { LookupsPerTick = 2 }, provider);

        var first = await TickAsync(step, A, B, C, D, E);
        var second = await TickAsync(step, A, B, C, D, E);

        Assert.Equal((2, 3), (first.Requests, first.Deferred));
        Assert.Equal((2, 1), (second.Requests, second.Deferred));
        Assert.Equal([E, A, D, B], provider.Calls.Select(c => c.Inn));
    }

    [Fact]
    public async Task Requests_are_spaced_by_the_polite_rate()
    {
        var provider = new ScriptedProvider(_time).Knows(A).Knows(B).Knows(C);

        await TickAsync(Step(new EnrichmentOptions { RequestsPerSecond = 2 }, provider), A, B, C);

        var gaps = provider.Calls.Zip(provider.Calls.Skip(1), (x, y) => y.At - x.At).ToList();
        Assert.Equal(2, gaps.Count);
        Assert.All(gaps, gap => Assert.True(gap >= TimeSpan.FromMilliseconds(500), $"gap {gap}"));
    }

    [Fact]
    public async Task An_outage_loses_nothing_and_pauses_the_provider_until_the_server_allows()
    {
        var provider = new ScriptedProvider(_time).FailsOn(A, retryAfter: TimeSpan.FromMinutes(5)).Knows(A).Knows(B);
        var step = Step(new EnrichmentOptions { PauseAfterFailures = 1 }, provider);

        var failed = await TickAsync(step, A, B);
        var paused = await TickAsync(step, A, B);
        _time.Advance(TimeSpan.FromMinutes(5));
        var recovered = await TickAsync(step, A, B);

        Assert.Equal((1, 0, 2), (failed.Requests, failed.Found, failed.Deferred));
        Assert.Contains("HTTP 503", Assert.Single(failed.Problems), StringComparison.Ordinal);
        Assert.Equal(0, paused.Requests);
        Assert.Equal((2, 2), (recovered.Requests, recovered.Found));
        Assert.NotNull(_store.Enrichment.Get(A)!.Profile);
        Assert.Contains(_logs.Lines, l => l.Contains("kept for a later tick", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_registry_error_mid_tick_does_not_stop_the_remaining_lookups_and_its_INN_is_asked_next_tick()
    {
        string[] liquidated = [B, C, D, F, G];
        var provider = new ScriptedProvider(_time).FailsOn(A).Knows(A);
        foreach (var inn in liquidated)
        {
            provider.Knows(inn, RegistryStatus.Liquidated);
        }

        var step = Step(new EnrichmentOptions(), provider);

        var first = await TickAsync(step, [A, .. liquidated]);
        var second = await TickAsync(step, [A, .. liquidated]);

        Assert.Equal((6, 5, 1), (first.Requests, first.Found, first.Deferred));
        Assert.All(liquidated, inn => Assert.Equal(RegistryStatus.Liquidated, _store.Enrichment.Get(inn)!.Profile!.Status));
        Assert.Equal((1, 1, 0), (second.Requests, second.Found, second.Deferred));
        Assert.NotNull(_store.Enrichment.Get(A)!.Profile);
        Assert.DoesNotContain(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Three_registry_errors_in_a_row_pause_it_with_one_line_and_the_rest_wait_in_the_backlog()
    {
        // Never-seen INNs go in number order: A, F, G, then D, B.
        var provider = new ScriptedProvider(_time).FailsOn(A).FailsOn(F).FailsOn(G).Knows(D).Knows(B);

        var summary = await TickAsync(Step(new EnrichmentOptions(), provider), A, B, D, F, G);

        Assert.Equal([A, F, G], provider.Calls.Select(c => c.Inn));
        Assert.Equal((3, 0, 5), (summary.Requests, summary.Found, summary.Deferred));
        var pause = Assert.Single(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
        Assert.Contains("scripted paused until", pause, StringComparison.Ordinal);
        Assert.Contains("after 3 failures in a row", pause, StringComparison.Ordinal);
        Assert.All(new[] { B, D }, inn => Assert.Null(_store.Enrichment.Get(inn)));
    }

    [Fact]
    public async Task A_success_between_errors_resets_the_count()
    {
        // In number order: A, F fail, G answers, D, B fail, C answers.
        var provider = new ScriptedProvider(_time).FailsOn(A).FailsOn(F).Knows(G).FailsOn(D).FailsOn(B).Knows(C);

        var summary = await TickAsync(Step(new EnrichmentOptions(), provider), A, B, C, D, F, G);

        Assert.Equal(6, summary.Requests);
        Assert.Equal(2, summary.Found);
        Assert.DoesNotContain(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_first_registry_fails_the_next_one_answers_but_unknown_is_not_cached_on_half_an_answer()
    {
        var broken = new ScriptedProvider(_time, "dadata").FailsOn(A).FailsOn(B);
        var html = new ScriptedProvider(_time, "html").Knows(A).DoesNotKnow(B);

        var summary = await TickAsync(Step(new EnrichmentOptions(), broken, html), A, B);

        Assert.Equal("html", _store.Enrichment.Get(A)!.Profile!.Source);
        Assert.Null(_store.Enrichment.Get(B));
        Assert.Equal(1, summary.Deferred);
    }

    public void Dispose()
    {
        _store.Dispose();
        _logs.Dispose();
    }
}
