namespace CrmBridge.Storage;

/// <summary>A stored outbox action with its progress. The payload is kept as JSON plus its CLR type name.</summary>
internal sealed record OutboxEntry
{
    public required string Key { get; init; }

    public required string Kind { get; init; }

    public required string Summary { get; init; }

    /// <summary>Full name of the payload record (one of ActionPayloads.cs).</summary>
    public required string PayloadType { get; init; }

    public required string PayloadJson { get; init; }

    public OutboxState State { get; init; }

    /// <summary>Executions started so far.</summary>
    public int Attempts { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>A retry waits until then; null means as soon as possible.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    public string? LastError { get; init; }

    /// <summary>An earlier attempt was cut with an unknown outcome; the next one checks before it writes.</summary>
    public bool MayHaveRun { get; init; }

    public bool IsDueAt(DateTimeOffset now) => State == OutboxState.Pending && (NextAttemptAt is null || NextAttemptAt <= now);
}
