namespace CrmBridge.Bench;

internal sealed record CoreStep(string Name, double Seconds, int Findings, long AllocatedBytes, long PeakHeapBytes, long PeakWorkingSetBytes, string? Note = null);
