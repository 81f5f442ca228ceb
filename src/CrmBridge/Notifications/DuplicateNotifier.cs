using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Storage;

namespace CrmBridge.Notifications;

/// <summary>The dedupe part of a tick that talks: queues the planner's nudges and (opt-in) comments in the outbox.</summary>
internal sealed class DuplicateNotifier(IEnumerable<ICrmConnector> connectors, DuplicateActionPlanner planner, IOutbox outbox)
{
    /// <summary>Queues the actions for <paramref name="result"/>; returns how many were new to the outbox.</summary>
    public int Queue(ClientBase clientBase, DedupeResult result)
    {
        ArgumentNullException.ThrowIfNull(clientBase);
        var names = clientBase.Managers.ToDictionary(m => m.Ref.Key, m => m.Name);
        return planner.Plan(result, CardUrl, names).Count(outbox.Enqueue);
    }

    private Uri? CardUrl(CrmRef card) =>
        connectors.FirstOrDefault(c => c.Crm == card.Crm && string.Equals(c.Account, card.Account, StringComparison.OrdinalIgnoreCase))?.CardUrl(card);
}
