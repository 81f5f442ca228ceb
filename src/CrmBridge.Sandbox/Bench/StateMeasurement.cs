using CrmBridge.Storage;

namespace CrmBridge.Sandbox.Bench;

/// <summary>
/// The Store file after the full loads: its bytes (data, indexes and free pages) per stored record, and where they go
/// by page kind: LiteDB fills a data page with small documents only while 30 % of it is free, so the data pages'
/// unused share is the engine's, not the records'.
/// </summary>
internal sealed record StateMeasurement(long FileBytes, long Records)
{
    public const int PageSize = 8192;

    public IReadOnlyList<StorePages> Pages { get; init; } = [];

    public double BytesPerRecord => Records == 0 ? 0 : (double)FileBytes / Records;

    public double DataBytesPerRecord => PerRecord(Pages.Where(p => p.PageType == "Data").Sum(p => (long)p.Pages * PageSize));

    /// <summary>Share of the data pages' bytes no document uses.</summary>
    public double DataUnusedShare => Share("Data");

    public double IndexBytesPerRecord => PerRecord(Pages.Where(p => p.PageType == "Index").Sum(p => (long)p.Pages * PageSize));

    public double IndexUnusedShare => Share("Index");

    private double PerRecord(long bytes) => Records == 0 ? 0 : (double)bytes / Records;

    private double Share(string pageType)
    {
        var pages = Pages.Where(p => p.PageType == pageType).ToList();
        var total = pages.Sum(p => (long)p.Pages * PageSize);
        return total == 0 ? 0 : (double)pages.Sum(p => p.FreeBytes) / total;
    }
}
