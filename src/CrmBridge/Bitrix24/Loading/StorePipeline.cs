using CrmBridge.Bitrix24.Mapping;
using CrmBridge.Storage;

namespace CrmBridge.Bitrix24.Loading;

/// <summary>
/// Stores what the packed reader brings while the next request is on the wire. Each batch's rows are read into records
/// on a pool thread as soon as it arrives (the read-ahead), so the store's thread only writes, and the two cores work side
/// by side: one batch being stored, one read ahead, never more. When the store falls behind, the batch read ahead
/// meanwhile is already waiting as a page commits, and up to <see cref="MaxBatchesPerCommit"/> such batches go into one
/// transaction (a commit costs LiteDB a write of its dirty pages and an fsync, a seventh of a load's CPU when every page
/// committed alone). Every page still saves its checkpoint in the transaction with its records, so a restart resumes
/// after the last committed page, in list order. A transaction never waits for the portal: only batches already read
/// join it.
/// </summary>
internal sealed class StorePipeline(ICrmStore store, CheckpointedLoader loader, RowReader reader, Action<string, string> fail)
{
    public const int MaxBatchesPerCommit = 4;

    private IAsyncEnumerator<IReadOnlyList<PassPages>>? batches;
    private Task<List<PreparedPages>?> next = Task.FromResult<List<PreparedPages>?>(null);

    public async Task RunAsync(IAsyncEnumerator<IReadOnlyList<PassPages>> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        batches = source;
        ReadAhead();
        while (await next is { } batch)
        {
            ReadAhead();
            try
            {
                StoreReady(batch);
            }
            catch
            {
                await Observe(next);
                throw;
            }
        }
    }

    /// <summary>The next batch from the portal with its pages read into records, on a pool thread; null after the last.</summary>
    private void ReadAhead()
    {
        var source = batches!;
        next = Task.Run(async () => await source.MoveNextAsync()
            ? source.Current.Select(p => new PreparedPages(p, [.. p.Pages.Select(page => p.Pass.Plan.Prepare(page.Rows, reader))])).ToList()
            : null);
    }

    /// <summary>
    /// This batch and those read ahead while it was stored, in one transaction. A pass that began on an empty account and
    /// meets a stored record after all rolls the transaction back; its batches are stored again with look-ups.
    /// </summary>
    private void StoreReady(List<PreparedPages> first)
    {
        var group = new List<List<PreparedPages>> { first };
        var passes = first.Select(p => p.Pages.Pass).Distinct().ToList();
        var before = passes.ToDictionary(p => p, p => (p.Stored, p.Checkpoint));
        var failed = new List<(string Entity, string Message)>();
        try
        {
            store.InTransaction(() =>
            {
                Store(first, failed);
                while (group.Count < MaxBatchesPerCommit && next.IsCompletedSuccessfully && next.Result is { } ready)
                {
                    group.Add(ready);
                    foreach (var pass in ready.Select(p => p.Pages.Pass).Where(p => !before.ContainsKey(p)))
                    {
                        before[pass] = (pass.Stored, pass.Checkpoint);
                    }

                    ReadAhead();
                    Store(ready, failed);
                }
            });
        }
        catch (AlreadyStoredException)
        {
            failed.Clear();
            foreach (var (pass, (stored, checkpoint)) in before)
            {
                pass.Stored = stored;
                pass.Checkpoint = checkpoint;
                pass.NothingStored = false;
            }

            store.InTransaction(() => group.ForEach(batch => Store(batch, failed)));
        }

        failed.ForEach(f => fail(f.Entity, f.Message));
    }

    private void Store(List<PreparedPages> batch, List<(string Entity, string Message)> failed)
    {
        foreach (var ((pass, pages, complete, failure), prepared) in batch)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                loader.Store(pass, pages[i], prepared[i]);
            }

            if (complete)
            {
                loader.Finish(pass);
            }
            else if (failure is not null)
            {
                failed.Add((pass.Plan.Entity, failure.Message));
            }
        }
    }

    /// <summary>The batch that failed to store is what the caller hears about; the read-ahead's own outcome adds nothing.</summary>
    private static async Task Observe(Task pending)
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

    /// <summary>A batch's pages for one list with the store step of each, in the same order.</summary>
    private sealed record PreparedPages(PassPages Pages, IReadOnlyList<StorePage> Steps);
}
