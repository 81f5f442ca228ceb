using CrmBridge.Core.Dedupe;
using CrmBridge.Core.Model;
using CrmBridge.Core.People;
using CrmBridge.Notifications;
using CrmBridge.Outbox;
using CrmBridge.People;
using CrmBridge.Storage;
using CrmBridge.Sync;

namespace CrmBridge.Dedupe;

/// <summary>
/// `crmbridge dedupe [--report FILE.csv]` and the dedupe part of a sync tick: dedupes every card in the Store, writes
/// the report when asked, and queues nudges and (opt-in) comments in the outbox. One person working in both CRMs is
/// recognised through the people directory (e-mail or People:Managers links), so his two cards are no owner conflict.
/// </summary>
internal sealed class DedupeRun(
    ICrmStore store, IEnumerable<ICrmConnector> connectors, DuplicateActionPlanner planner, IOutbox outbox, TimeProvider time, PeopleConfiguration people, NotificationBatcher batcher)
{
    public Task<(DedupeResult Result, DedupeRunSummary Summary)> RunAsync(Stream? report, bool queueActions, CancellationToken cancellationToken) =>
        RunAsync(store.LoadClientBase(), report, queueActions, cancellationToken);

    /// <summary>As <see cref="RunAsync(Stream?, bool, CancellationToken)"/>, over a client base the caller already loaded.</summary>
    public async Task<(DedupeResult Result, DedupeRunSummary Summary)> RunAsync(ClientBase clientBase, Stream? report, bool queueActions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clientBase);
        var managers = clientBase.Managers.ToDictionary(m => m.Ref.Key);
        var directory = new PeopleDirectory(clientBase.Managers, people.Settings);
        var result = DuplicateFinder.Find(clientBase.Companies, time.GetUtcNow(), directory.OwnerKey);
        var rows = report is null ? 0 : await DedupeReportWriter.WriteAsync(report, result, CardUrl, cancellationToken);

        var queued = 0;
        if (queueActions)
        {
            var names = managers.ToDictionary(m => m.Key, m => m.Value.Name);
            // Nudges join the tick's other messages per recipient; the rules step flushes them (NotificationBatcher).
            foreach (var action in planner.Plan(result, CardUrl, names))
            {
                if (action.Payload is TelegramMessagePayload)
                {
                    batcher.Add(action);
                    queued++;
                }
                else if (outbox.Enqueue(action))
                {
                    queued++;
                }
            }
        }

        var summary = new DedupeRunSummary(
            result.InnGroups.Count,
            result.InnGroups.Sum(g => g.Duplicates.Count()),
            result.InnGroups.Sum(g => g.Branches.Count()),
            result.ProbableGroups.Count,
            result.Unverified.Count,
            rows,
            queued);
        return (result, summary);
    }

    private Uri? CardUrl(CrmRef card) =>
        connectors.FirstOrDefault(c => c.Crm == card.Crm && string.Equals(c.Account, card.Account, StringComparison.OrdinalIgnoreCase))?.CardUrl(card);
}
