using System.Globalization;
using CrmBridge.Bitrix24.Mapping;
using CrmBridge.Core.Model;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>
/// Reads one entity from its checkpoint: in full on the first run, then only what changed since the last run
/// (with a small overlap), resuming an interrupted pass from the last stored ID. The checkpoint moves only after
/// the page is in the Store.
/// </summary>
internal sealed class CheckpointedLoader(KeysetListReader lists, ICrmStore store, string host, Bitrix24Options options, TimeProvider time, ILogger logger)
{
    public async Task<int> LoadAsync(EntityPlan plan, RowReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var startedAt = time.GetUtcNow();
        var checkpoint = store.Checkpoints.Get(CrmKind.Bitrix24, host, plan.Entity)
            ?? new SyncCheckpoint { Crm = CrmKind.Bitrix24, Account = host, Entity = plan.Entity };
        var query = plan.Query;
        var incremental = !plan.AlwaysFull && plan.ChangeField is not null && checkpoint.ModifiedSince is not null;
        if (incremental)
        {
            var since = checkpoint.ModifiedSince!.Value - options.SyncOverlap;
            query = query.WithFilter(">" + plan.ChangeField, since.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        }

        var resumeFrom = plan.AlwaysFull ? null : checkpoint.LastId;
        var stored = 0;
        await using var pages = lists.ReadAsync(query, resumeFrom, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var next = pages.MoveNextAsync();
        while (await next)
        {
            var page = pages.Current;

            // The next request goes out while this page is stored: the load waits for the portal's limit, not for us.
            // One page stored, one in flight: never more in memory.
            next = pages.MoveNextAsync();
            try
            {
                store.InTransaction(() =>
                {
                    stored += plan.Store(page.Rows, reader).Stored;
                    if (!plan.AlwaysFull)
                    {
                        checkpoint = checkpoint with { LastId = page.LastId };
                        store.Checkpoints.Save(checkpoint);
                    }
                });
            }
            catch
            {
                await Observe(next);
                throw;
            }
        }

        if (plan.ChangeField is not null || plan.AlwaysFull)
        {
            // A pass ends: the next one reads changes made since this one started; an append-only list keeps its ID.
            var full = !incremental;
            checkpoint = checkpoint with
            {
                ModifiedSince = startedAt,
                LastId = null,
                LastFullLoadAt = full ? startedAt : checkpoint.LastFullLoadAt,
                LastReconciledAt = full ? startedAt : checkpoint.LastReconciledAt,
            };
        }

        store.Checkpoints.Save(checkpoint);
        logger.EntityLoaded(host, plan.Entity, incremental ? "incremental" : "full", stored);
        return stored;
    }

    /// <summary>The page that failed to store is what the caller hears about; the read-ahead's own outcome adds nothing.</summary>
    private static async Task Observe(ValueTask<bool> pending)
    {
        try
        {
            await pending;
        }
        catch (Exception)
        {
            // Observed so the enumerator can be disposed.
        }
    }
}
