namespace CrmBridge.Sandbox.Bench;

/// <summary>
/// What `crmbridge bench` measured, written as JSON (camelCase) for scripts. Shape:
/// <code>
/// {
///   "startedAt": "2026-11-24T03:30:00+00:00", "machine": { "processors": 2, "os": "...", "runtime": ".NET 10.0.0", "note": "..." },
///   "aims": [ { "what", "value", "aim", "met", "loadAverage" } ],   // the summary table; met null where there is no aim
///   "sync": [ {                                   // full loads; crm = "bitrix24" | "amocrm"
///       "crm", "companies", "rows", "rowsByList": { "company": 100000, ... }, "rowsStored",
///       "requests", "minimumRequests", "rejectedByLimit", "seconds", "cpuSeconds", "rowsPerSecond",
///       "limit": { "requestsPerSecond", "burst", "rowsPerRequest" },
///       "steadyCeilingRowsPerSecond",             // requestsPerSecond × rowsPerRequest
///       "ceilingSeconds",                         // max(0, minimumRequests − burst) / requestsPerSecond
///       "ceilingRowsPerSecond",                   // rows / ceilingSeconds (the burst's head start included)
///       "percentOfCeiling",                       // ceilingSeconds / seconds × 100
///       "cpuPercent", "loadAverage", "peakWorkingSetBytes", "bound" } ],   // loadAverage: the machine's 1-minute load at the end   // bound: what limits it when below 90 %, else null
///   "ticks": [ { "baseCompanies", "kind", "changedCompanies", "seconds", "cpuSeconds", "requests",   // kind: "nothing changed" | "1 % changed"
///                "evaluated", "full", "loadAverage" } ],   // a worker tick (SyncCycle, dry run) after the first run, small and large base
///   "state": { "fileBytes", "records", "bytesPerRecord", "dataBytesPerRecord", "dataUnusedShare", "indexBytesPerRecord",
///              "indexUnusedShare", "pages": [ { "collection", "pageType", "pages", "freeBytes" } ] },   // the large base's Store file after both full loads
///   "core": { "companies", "activities", "deals", "buildSeconds", "modelHeapBytes",
///             "steps": [ { "name": "dedupe" | "rules: ..." | "kpi", "seconds", "cpuSeconds", "results", "allocatedBytes",
///                          "peakHeapBytes", "peakWorkingSetBytes", "note" } ],  // results: findings (dedupe, rules) or report lines (kpi)
///             "totalSeconds", "totalCpuSeconds", "peakWorkingSetBytes", "loadAverage", "withinAim" }
/// }
/// </code>
/// A section not run (--only) is null or empty.
/// </summary>
internal sealed record BenchReport
{
    public required DateTimeOffset StartedAt { get; init; }

    public required BenchMachine Machine { get; init; }

    public IReadOnlyList<SyncMeasurement> Sync { get; init; } = [];

    public IReadOnlyList<AimRow> Aims { get; init; } = [];

    public IReadOnlyList<TickMeasurement> Ticks { get; init; } = [];

    public StateMeasurement? State { get; init; }

    public CoreMeasurement? Core { get; init; }
}
