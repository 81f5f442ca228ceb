using CrmBridge.Outbox;

namespace CrmBridge.Tests.Outbox;

/// <summary>An executor that records each call and fails the first calls as scripted.</summary>
internal sealed class RecordingExecutor(params string[] kinds) : IActionExecutor
{
    private readonly Queue<Exception> failures = new();

    public List<(string Kind, object Payload)> Calls { get; } = [];

    public List<ActionAttempt> Attempts { get; } = [];

    /// <summary>Runs inside ExecuteAsync before the scripted outcome: lets a test look at the store mid-action.</summary>
    public Func<CancellationToken, Task>? During { get; set; }

    public RecordingExecutor FailingWith(params Exception[] errors)
    {
        foreach (var error in errors)
        {
            failures.Enqueue(error);
        }

        return this;
    }

    public bool CanExecute(string kind) => kinds.Contains(kind);

    public async Task ExecuteAsync(ActionAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        Attempts.Add(attempt);
        Calls.Add((attempt.Kind, attempt.Payload));
        if (During is not null)
        {
            await During(cancellationToken);
        }

        if (failures.TryDequeue(out var error))
        {
            throw error;
        }
    }
}
