namespace CrmBridge.Outbox;

/// <summary>
/// The marker a non-idempotent CRM write carries in its text (<see cref="IdempotencyMarker"/>), and whether to look for
/// it on the card first: true when an earlier attempt may have landed.
/// </summary>
internal sealed record WriteMarker(string Tag, bool CheckFirst)
{
    public static WriteMarker Of(ActionAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return new(attempt.Marker, attempt.MayHaveRun);
    }

    public string Apply(string text) => IdempotencyMarker.Append(text, Tag);
}
