using CrmBridge.Core.Model;

namespace CrmBridge.Storage;

/// <summary>
/// Rows read from each CRM and handed to the Store since start, for a person watching a load (`once`'s progress bar).
/// Counted where every page of both connectors arrives, so the figure is the same whichever CRM is loading.
/// </summary>
internal sealed class RowMeter
{
    private readonly long[] _rows = new long[Enum.GetValues<CrmKind>().Length];

    public void Add(CrmKind crm, int rows) => Interlocked.Add(ref _rows[(int)crm], rows);

    public long Rows(CrmKind crm) => Interlocked.Read(ref _rows[(int)crm]);
}
