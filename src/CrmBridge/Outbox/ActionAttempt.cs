namespace CrmBridge.Outbox;

/// <summary>
/// One execution of a stored action. <see cref="MayHaveRun"/> is true when an earlier attempt was cut with an unknown
/// outcome (a crash or a timeout inside the call): an executor of a marked write checks for
/// <see cref="Marker"/> on the card before writing again.
/// </summary>
internal sealed record ActionAttempt(string Kind, string Key, object Payload, bool MayHaveRun)
{
    public string Marker => IdempotencyMarker.For(Key);
}
