using System.Runtime.CompilerServices;
using LiteDB;

namespace CrmBridge.Storage;

/// <summary>
/// One LiteDB transaction around a unit of work (a page: its records, what they touched and the checkpoint). LiteDB
/// binds a transaction to the calling thread, so the work must not await; a nested call joins the outer transaction.
/// Transactions on one database run one at a time: LiteDB locks each collection a transaction writes until it ends,
/// so two CRMs' pages writing the same collections in different orders (companies then change marks, deals then
/// change marks then companies) could each wait for the other until LiteDB's lock timeout. Pages are short and the
/// CRMs' reads still overlap; only storing takes turns.
/// </summary>
internal static class StoreTransaction
{
    private static readonly ConditionalWeakTable<LiteDatabase, Lock> Gates = new();
    private static readonly ConditionalWeakTable<LiteDatabase, List<Action>> RollbackListeners = new();

    /// <summary>Runs <paramref name="listener"/> after a transaction on this database rolled back (for caches of what the file holds).</summary>
    public static void OnRollback(LiteDatabase database, Action listener)
    {
        var listeners = RollbackListeners.GetValue(database, _ => []);
        lock (listeners)
        {
            listeners.Add(listener);
        }
    }

    public static TResult Run<TResult>(LiteDatabase database, AccountCodes accounts, Func<TResult> work)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(work);

        // The gate is re-entered by a nested call on the same thread, which then joins the outer transaction.
        lock (Gates.GetValue(database, _ => new Lock()))
        {
            if (!database.BeginTrans())
            {
                return work();
            }

            try
            {
                var result = work();
                database.Commit();
                return result;
            }
            catch
            {
                database.Rollback();
                accounts.Reload();
                if (RollbackListeners.TryGetValue(database, out var listeners))
                {
                    lock (listeners)
                    {
                        listeners.ForEach(l => l());
                    }
                }

                throw;
            }
        }
    }

    public static void Run(LiteDatabase database, AccountCodes accounts, Action work) =>
        Run(database, accounts, () =>
        {
            work();
            return 0;
        });
}
