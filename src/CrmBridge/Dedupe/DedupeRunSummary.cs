namespace CrmBridge.Dedupe;

internal sealed record DedupeRunSummary(int Groups, int Duplicates, int Branches, int Probable, int Unverified, int ReportRows);
