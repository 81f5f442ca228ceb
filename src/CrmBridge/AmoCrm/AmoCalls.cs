using System.Runtime.ExceptionServices;
using CrmBridge.Crm;
using Refit;

namespace CrmBridge.AmoCrm;

/// <summary>
/// Refit wraps whatever the handlers throw in an ApiRequestException. A stop the admin must act on, and a
/// cancellation, are rethrown as themselves so the caller (sync job, outbox) can tell them apart.
/// </summary>
internal static class AmoCalls
{
    public static async Task<T> UnwrapAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call();
        }
        catch (ApiRequestException exception) when (exception.InnerException is CrmStopException or OperationCanceledException)
        {
            ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }
    }

    public static Task UnwrapAsync(Func<Task> call) =>
        UnwrapAsync(async () =>
        {
            await call();
            return true;
        });
}
