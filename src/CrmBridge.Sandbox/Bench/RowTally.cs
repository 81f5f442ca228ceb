namespace CrmBridge.Sandbox.Bench;

/// <summary>A thread-safe running count: connectors store pages of several lists side by side.</summary>
internal sealed class RowTally
{
    private long _rows;

    public long Rows => Interlocked.Read(ref _rows);

    public void Add(int rows) => Interlocked.Add(ref _rows, rows);
}
