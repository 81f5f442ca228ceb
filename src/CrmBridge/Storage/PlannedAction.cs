namespace CrmBridge.Storage;

/// <summary>
/// An action to store in the outbox before it runs. The key makes it run at most once;
/// the payload is one of the records in ActionPayloads.cs.
/// </summary>
internal sealed record PlannedAction(string Kind, string Key, object Payload, string Summary)
{
    /// <summary>What a per-finding message is about, so the notifications edge can merge, summarise and list it.</summary>
    public NotificationItem? Item { get; init; }
}
