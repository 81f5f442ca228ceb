using CrmBridge.Outbox;
using CrmBridge.Storage;

namespace CrmBridge.Tests.Outbox.Crash;

/// <summary>The real outbox store, with a crash point before each save.</summary>
internal sealed class CrashingOutboxStore(IOutboxStore inner, CrashSwitch crash) : IOutboxStore
{
    public bool Enqueue(PlannedAction action) => inner.Enqueue(action);

    public OutboxEntry? Find(string key) => inner.Find(key);

    public IReadOnlyList<OutboxEntry> Due(DateTimeOffset now)
    {
        crash.ThrowIfDead();
        return inner.Due(now);
    }

    public IReadOnlyList<OutboxEntry> List(OutboxState? state = null) => inner.List(state);

    public void Save(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        crash.Step($"save {entry.State} of {entry.Key}");
        inner.Save(entry);
    }
}
