namespace CrmBridge.AmoCrm;

/// <summary>A feed whose first page is on its way; storing it (and reading its further pages) waits for the caller.</summary>
/// <param name="FirstPage">The first page's request, to be observed when the tick fails before the feed is stored.</param>
/// <param name="StoreAsync">Stores the first page, then reads and stores the rest page by page as before.</param>
internal sealed record AmoStartedRead(Task FirstPage, Func<Task<AmoReadResult>> StoreAsync)
{
    /// <summary>Waits for the request without caring how it ended: another feed's failure is what the caller reports.</summary>
    public async Task ObserveAsync()
    {
        try
        {
            await FirstPage;
        }
        catch (Exception)
        {
            // Deliberately ignored: see the summary.
        }
    }
}
