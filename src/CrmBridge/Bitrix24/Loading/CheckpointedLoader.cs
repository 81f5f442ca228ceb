using System.Globalization;
using CrmBridge.Core.Model;
using CrmBridge.Storage;
using Microsoft.Extensions.Logging;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>
/// Each entity's pass from its checkpoint: in full on the first run, then only what changed since the last run
/// (with a small overlap), resuming an interrupted pass from the last stored ID. The checkpoint moves only with the
/// page it covers, in the same transaction.
/// </summary>
internal sealed class CheckpointedLoader(ICrmStore store, string host, Bitrix24Options options, TimeProvider time, ILogger logger)
{
    public ListPass Begin(EntityPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
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
        return new ListPass(plan, query, resumeFrom, checkpoint, incremental, time.GetUtcNow())
        {
            NothingStored = !incremental && resumeFrom is null && plan.HoldsNothing?.Invoke() == true,
        };
    }

    /// <summary>
    /// One page and its checkpoint in one transaction (the caller's, when it stores several pages together): a restart
    /// resumes after the last page committed.
    /// </summary>
    public void Store(ListPass pass, ListPage page, StorePage prepared)
    {
        ArgumentNullException.ThrowIfNull(pass);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(prepared);
        store.InTransaction(() =>
        {
            pass.Stored += prepared(pass.NothingStored).Stored;
            if (!pass.Plan.AlwaysFull)
            {
                pass.Checkpoint = pass.Checkpoint with { LastId = page.LastId };
                store.Checkpoints.Save(pass.Checkpoint);
            }
        });
    }

    /// <summary>A pass read to its end: the next one reads changes made since this one started; an append-only list keeps its ID.</summary>
    public void Finish(ListPass pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        var plan = pass.Plan;
        if (plan.ChangeField is not null || plan.AlwaysFull)
        {
            var full = !pass.Incremental;
            pass.Checkpoint = pass.Checkpoint with
            {
                ModifiedSince = pass.StartedAt,
                LastId = null,
                LastFullLoadAt = full ? pass.StartedAt : pass.Checkpoint.LastFullLoadAt,
                LastReconciledAt = full ? pass.StartedAt : pass.Checkpoint.LastReconciledAt,
            };
        }

        store.Checkpoints.Save(pass.Checkpoint);
        logger.EntityLoaded(host, plan.Entity, pass.Incremental ? "incremental" : "full", pass.Stored);
    }
}
