namespace CrmBridge.Sandbox.Bench;

/// <summary>The Store file after the full loads: its bytes (data, indexes and free pages) per stored record.</summary>
internal sealed record StateMeasurement(long FileBytes, long Records)
{
    public double BytesPerRecord => Records == 0 ? 0 : (double)FileBytes / Records;
}
