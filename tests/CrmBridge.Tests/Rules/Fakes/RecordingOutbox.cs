using CrmBridge.Outbox;

namespace CrmBridge.Tests.Rules.Fakes;

/// <summary>An outbox that keeps every accepted action in order and refuses a known key, like the real one.</summary>
internal sealed class RecordingOutbox : IOutbox
{
    private readonly HashSet<string> _keys = [];

    public List<PlannedAction> Accepted { get; } = [];

    public bool Enqueue(PlannedAction action)
    {
        if (!_keys.Add(action.Key))
        {
            return false;
        }

        Accepted.Add(action);
        return true;
    }
}
