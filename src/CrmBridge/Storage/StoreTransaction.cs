using LiteDB;

namespace CrmBridge.Storage;

/// <summary>
/// One LiteDB transaction around a unit of work (a page: its records, what they touched and the checkpoint). LiteDB
/// binds a transaction to the calling thread, so the work must not await; a nested call joins the outer transaction.
/// </summary>
internal static class StoreTransaction
{
    public static TResult Run<TResult>(LiteDatabase database, AccountCodes accounts, Func<TResult> work)
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
            throw;
        }
    }

    public static void Run(LiteDatabase database, AccountCodes accounts, Action work) =>
        Run(database, accounts, () =>
        {
            work();
            return 0;
        });
}
