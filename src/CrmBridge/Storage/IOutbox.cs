namespace CrmBridge.Storage;

/// <summary>Actions are stored here, keyed by idempotency key, before anything runs.</summary>
internal interface IOutbox
{
    /// <summary>Stores the action; false when its key is already known (it will not run twice).</summary>
    bool Enqueue(PlannedAction action);
}
