namespace CrmBridge.Sandbox.Bench;

/// <summary>One incremental tick after a share of the companies changed.</summary>
internal sealed record IncrementalMeasurement(string Crm, int ChangedCompanies, long Rows, long Requests, double Seconds);
