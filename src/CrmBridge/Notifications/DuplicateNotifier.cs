using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Model;
using CrmBridge.Crm;
using CrmBridge.Outbox;
using CrmBridge.Storage;

namespace CrmBridge.Notifications;

/// <summary>The dedupe part of a tick that talks: queues the planner's nudges and (opt-in) comments in the outbox.</summary>
internal sealed class DuplicateNotifier(IEnumerable<ICrmConnector> connectors, DuplicateActionPlanner planner, IOutbox outbox, NotificationBatcher batcher)
{
    /// <summary>
    /// Queues the comments for <paramref name="result"/> and hands the nudges to the batcher, which sends them with the
    /// tick's other messages per recipient when the rules flush it; returns how many actions were new or held.
    /// </summary>
    public int Queue(ClientBase clientBase, DedupeResult result)
    {
        ArgumentNullException.ThrowIfNull(clientBase);
        var names = clientBase.Managers.ToDictionary(m => m.Ref.Key, m => m.Name);
        var count = 0;
        foreach (var action in planner.Plan(result, CardUrl, names))
        {
            if (action.Payload is TelegramMessagePayload)
            {
                batcher.Add(action);
                count++;
            }
            else if (outbox.Enqueue(action))
            {
                count++;
            }
        }

        return count;
    }

    private Uri? CardUrl(CrmRef card) =>
        connectors.FirstOrDefault(c => c.Crm == card.Crm && string.Equals(c.Account, card.Account, StringComparison.OrdinalIgnoreCase))?.CardUrl(card);
}
