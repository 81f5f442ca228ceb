namespace CrmBridge.Enrichment;

/// <summary>Lines to print; Valid false means the number itself is not an INN (exit code 1).</summary>
internal sealed record InnLookupResult(bool Valid, IReadOnlyList<string> Lines);
