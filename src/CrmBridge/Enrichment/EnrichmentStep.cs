using CrmBridge.Core.Identifiers;
using CrmBridge.Core.Model;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmBridge.Enrichment;

/// <summary>
/// The enrichment part of a sync tick: asks the registries about INNs the cache lacks or holds past the TTL, within a
/// budget of requests per tick and at a polite rate. Never-seen INNs go first, then the stalest. A provider that fails
/// is paused after repeated failures (<see cref="ProviderPause"/>) and a failed INN stays uncached, so the next tick asks
/// again: an outage slows enrichment, it loses nothing.
/// </summary>
internal sealed partial class EnrichmentStep(
    ICrmStore store,
    IEnumerable<IEnrichmentProvider> providers,
    IOptions<EnrichmentOptions> options,
    TimeProvider time,
    ILogger<EnrichmentStep> logger)
{
    private readonly IReadOnlyList<IEnrichmentProvider> _providers = [.. providers];
    private readonly Dictionary<string, ProviderPause> _pauses = [];
    private PoliteRateGate? _gate;

    /// <summary>Enriches the valid INNs of every card in the Store.</summary>
    public Task<EnrichmentTickSummary> RunAsync(CancellationToken cancellationToken) =>
        RunAsync(store.Companies.All().Where(c => !c.IsDeleted).Select(c => c.Inn), cancellationToken);

    public async Task<EnrichmentTickSummary> RunAsync(IEnumerable<string?> inns, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (_providers.Count == 0 || settings.LookupsPerTick == 0)
        {
            return EnrichmentTickSummary.Nothing;
        }

        _gate ??= new PoliteRateGate(time, settings.RequestsPerSecond);
        var due = DueInns(inns, settings.CacheTtl);
        int requests = 0, found = 0, notFound = 0, done = 0;
        var stored = new List<string>();
        var problems = new List<string>();
        foreach (var inn in due)
        {
            if (requests >= settings.LookupsPerTick || !_providers.Any(p => !Pause(p).IsPaused(time.GetUtcNow())))
            {
                break;
            }

            var (profile, answered, failed, used) = await AskAsync(inn, settings.LookupsPerTick - requests, problems, cancellationToken).ConfigureAwait(false);
            requests += used;
            if (profile is not null || (answered && !failed))
            {
                store.Enrichment.Put(inn.Value, profile, time.GetUtcNow());
                stored.Add(inn.Value);
                done++;
                if (profile is null)
                {
                    notFound++;
                }
                else
                {
                    found++;
                }
            }
        }

        var summary = new EnrichmentTickSummary(requests, found, notFound, due.Count - done, problems) { StoredInns = stored };
        LogTick(summary.Requests, summary.Found, summary.NotFound, summary.Deferred);
        return summary;
    }

    private async Task<(CompanyProfile? Profile, bool Answered, bool Failed, int Requests)> AskAsync(
        Inn inn, int budget, List<string> problems, CancellationToken cancellationToken)
    {
        bool answered = false, failed = false;
        var requests = 0;
        foreach (var provider in _providers)
        {
            var pause = Pause(provider);
            if (requests >= budget || pause.IsPaused(time.GetUtcNow()))
            {
                failed = true;
                continue;
            }

            await _gate!.WaitAsync(cancellationToken).ConfigureAwait(false);
            requests++;
            try
            {
                var profile = await provider.FindByInnAsync(inn, cancellationToken).ConfigureAwait(false);
                pause.Succeeded();
                answered = true;
                if (profile is not null)
                {
                    return (profile, true, failed, requests);
                }
            }
            catch (EnrichmentProviderException ex)
            {
                failed = true;
                problems.Add(ex.Message);
                if (pause.Failed(time.GetUtcNow(), ex))
                {
                    LogProviderPaused(provider.Name, pause.ConsecutiveFailures, inn.Value, ex.Message, pause.Until);
                }
                else
                {
                    LogProviderFailed(provider.Name, inn.Value, ex.Message, pause.ConsecutiveFailures, options.Value.PauseAfterFailures);
                }
            }
        }

        return (null, answered, failed, requests);
    }

    private List<Inn> DueInns(IEnumerable<string?> inns, TimeSpan ttl)
    {
        var now = time.GetUtcNow();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<Inn>();
        var stale = new List<(Inn Inn, DateTimeOffset FetchedAt)>();
        foreach (var raw in inns)
        {
            if (!Inn.TryParse(raw, out var inn) || !seen.Add(inn.Value))
            {
                continue;
            }

            var cached = store.Enrichment.Get(inn.Value);
            if (cached is null)
            {
                missing.Add(inn);
            }
            else if (cached.FetchedAt + ttl <= now)
            {
                stale.Add((inn, cached.FetchedAt));
            }
        }

        missing.Sort((a, b) => string.CompareOrdinal(a.Value, b.Value));
        return [.. missing, .. stale.OrderBy(s => s.FetchedAt).ThenBy(s => s.Inn.Value, StringComparer.Ordinal).Select(s => s.Inn)];
    }

    private ProviderPause Pause(IEnrichmentProvider provider)
    {
        if (!_pauses.TryGetValue(provider.Name, out var pause))
        {
            _pauses[provider.Name] = pause = new ProviderPause(options.Value.PauseAfterFailures);
        }

        return pause;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enrichment: {Requests} registry requests, {Found} found, {NotFound} unknown to the registries, {Deferred} left for later ticks")]
    private partial void LogTick(int requests, int found, int notFound, int deferred);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Enrichment provider {Provider} failed on INN {Inn}: {Reason} ({Failures} in a row, it pauses at {PauseAfter}); the INN is kept for a later tick")]
    private partial void LogProviderFailed(string provider, string inn, string reason, int failures, int pauseAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enrichment provider {Provider} paused until {Until:u} after {Failures} failures in a row (last on INN {Inn}: {Reason}); the INNs it did not answer are kept for a later tick")]
    private partial void LogProviderPaused(string provider, int failures, string inn, string reason, DateTimeOffset until);
}
