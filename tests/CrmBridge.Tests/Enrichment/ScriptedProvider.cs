using CrmBridge.Core.Identifiers;
using CrmBridge.Core.Model;
using CrmBridge.Enrichment;

namespace CrmBridge.Tests.Enrichment;

/// <summary>A registry stand-in: answers each INN as scripted (a profile, unknown, or a failure) and records when it was asked.</summary>
internal sealed class ScriptedProvider(TimeProvider time, string name = "scripted") : IEnrichmentProvider
{
    private readonly Dictionary<string, Queue<Func<CompanyProfile?>>> _answers = [];

    public List<(string Inn, DateTimeOffset At)> Calls { get; } = [];

    public string Name => name;

    public ScriptedProvider Knows(string inn, RegistryStatus status = RegistryStatus.Active) => Then(inn, () => new CompanyProfile { Inn = inn, Source = name, Status = status });

    public ScriptedProvider DoesNotKnow(string inn) => Then(inn, () => null);

    public ScriptedProvider FailsOn(string inn, bool transient = true, TimeSpan? retryAfter = null) =>
        Then(inn, () => throw new EnrichmentProviderException($"{name} answered HTTP 503", transient, retryAfter));

    public Task<CompanyProfile?> FindByInnAsync(Inn inn, CancellationToken cancellationToken)
    {
        Calls.Add((inn.Value, time.GetUtcNow()));
        var answers = _answers.GetValueOrDefault(inn.Value) ?? throw new InvalidOperationException($"Nobody expected a question about {inn}.");
        var answer = answers.Count > 1 ? answers.Dequeue() : answers.Peek();
        return Task.FromResult(answer());
    }

    private ScriptedProvider Then(string inn, Func<CompanyProfile?> answer)
    {
        if (!_answers.TryGetValue(inn, out var queue))
        {
            _answers[inn] = queue = new Queue<Func<CompanyProfile?>>();
        }

        queue.Enqueue(answer);
        return this;
    }
}
