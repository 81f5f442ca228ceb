using CrmBridge.Storage;

namespace CrmBridge.AmoCrm;

/// <summary>
/// Stores the pages of lists read side by side, several in one transaction when they are ready together: a commit waits
/// for the disk (an fsync, most of a page's store time in the bench's profile), and while one commits, the next pages
/// gather and then commit together. Each page keeps its checkpoint in the same transaction as its records, so a restart
/// still resumes after the last stored page of each list. The first caller to find nobody committing commits on its own
/// thread (LiteDB transactions belong to a thread and must not await) until no page waits; the others await theirs.
/// </summary>
internal sealed class AmoPageCommits(ICrmStore store)
{
    private readonly Lock _gate = new();
    private List<(Action Store, TaskCompletionSource Stored)> _waiting = [];
    private bool _committing;

    /// <summary>Completes once the page is committed; fails with whatever failed its transaction (nothing of it is kept).</summary>
    public Task StoreAsync(Action storePage)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiting.Add((storePage, stored));
            if (_committing)
            {
                return stored.Task;
            }

            _committing = true;
        }

        CommitWhileWaiting();
        return stored.Task;
    }

    private void CommitWhileWaiting()
    {
        while (true)
        {
            List<(Action Store, TaskCompletionSource Stored)> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _committing = false;
                    return;
                }

                batch = _waiting;
                _waiting = [];
            }

            try
            {
                store.InTransaction(() =>
                {
                    foreach (var (storePage, _) in batch)
                    {
                        storePage();
                    }
                });
                batch.ForEach(p => p.Stored.TrySetResult());
            }
            catch (Exception exception)
            {
                batch.ForEach(p => p.Stored.TrySetException(exception));
            }
        }
    }
}
