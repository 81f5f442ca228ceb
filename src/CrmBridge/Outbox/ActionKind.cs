namespace CrmBridge.Outbox;

/// <summary>
/// What an action kind promises about repeating it. <see cref="IsIdempotent"/>: doing it twice leaves the same state.
/// <see cref="CarriesMarker"/>: the write carries an <see cref="IdempotencyMarker"/> and the executor checks the card
/// for it before writing again, so a repeat after an unknown outcome never doubles it.
/// </summary>
internal sealed record ActionKind(string Name, bool IsIdempotent, bool CarriesMarker)
{
    /// <summary>Whether an attempt whose outcome is unknown (crash, timeout inside the call) may run again.</summary>
    public bool MayRepeat => IsIdempotent || CarriesMarker;
}
