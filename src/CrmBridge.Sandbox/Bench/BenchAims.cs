using System.Globalization;

namespace CrmBridge.Sandbox.Bench;

/// <summary>
/// The report's story in one table: every figure next to its aim. Wall-clock time is what a person waits; CPU time
/// (this process, the in-process sandbox included) says how much of it was our work on a machine others share.
/// </summary>
internal static class BenchAims
{
    public const double FullLoadPercent = 90;
    public const double QuietTickSeconds = 1.5;
    public const double QuietTickRatio = 2;
    public const double BytesPerRecord = 300;

    public static IReadOnlyList<AimRow> Rows(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = new List<AimRow>();
        foreach (var load in report.Sync)
        {
            rows.Add(new AimRow(
                Invariant($"{load.Crm} full load, {load.Companies:N0} companies, {load.Requests:N0} requests"),
                Invariant($"{load.Seconds:F1} s (cpu {load.CpuSeconds:F1} s); the limit allows {load.CeilingSeconds:F1} s: {load.PercentOfCeiling:F0} %"),
                Invariant($">= {FullLoadPercent:0} % of the limit-bound minimum"),
                load.CeilingSeconds < 1 ? null : load.PercentOfCeiling >= FullLoadPercent,
                load.LoadAverage));
        }

        foreach (var group in report.Ticks.GroupBy(t => t.Kind))
        {
            var quiet = group.Key == TickMeasurement.NothingChanged;
            foreach (var tick in group.OrderBy(t => t.BaseCompanies))
            {
                rows.Add(new AimRow(
                    Invariant($"tick, {tick.Kind}, {tick.BaseCompanies:N0} companies"),
                    Invariant($"{tick.Seconds:F2} s (cpu {tick.CpuSeconds:F2} s), {tick.Requests:N0} requests (limits: {tick.LimitSeconds:F2} s), {tick.Evaluated:N0} evaluated{(tick.Full ? ", FULL" : "")}"),
                    quiet ? Invariant($"< {QuietTickSeconds:0.#} s") : "-",
                    quiet ? tick.Seconds < QuietTickSeconds : null,
                    tick.LoadAverage));
            }

            var sizes = group.OrderBy(t => t.BaseCompanies).ToList();
            if (sizes.Count >= 2 && sizes[0].Seconds > 0)
            {
                var (small, large) = (sizes[0], sizes[^1]);
                var wall = large.Seconds / small.Seconds;
                var cpu = small.CpuSeconds > 0 ? large.CpuSeconds / small.CpuSeconds : double.NaN;
                var baseRatio = (double)large.BaseCompanies / small.BaseCompanies;
                rows.Add(quiet
                    ? new AimRow(
                        Invariant($"tick, {group.Key}: {large.BaseCompanies:N0} against {small.BaseCompanies:N0} companies"),
                        Invariant($"x{wall:F1} (cpu x{cpu:F1}) for x{baseRatio:0.#} the base"),
                        Invariant($"<= x{QuietTickRatio:0} (nearly flat in the base)"),
                        wall <= QuietTickRatio,
                        large.LoadAverage)
                    : new AimRow(
                        Invariant($"tick, {group.Key}: {large.BaseCompanies:N0} against {small.BaseCompanies:N0} companies"),
                        Invariant($"x{wall:F1} (cpu x{cpu:F1}) for x{baseRatio:0.#} the changes"),
                        Invariant($"<= x{baseRatio:0.#} (follows the changes)"),
                        wall <= baseRatio,
                        large.LoadAverage));
            }
        }

        if (report.State is { } state)
        {
            rows.Add(new AimRow(
                Invariant($"state file, {state.Records:N0} records"),
                Invariant($"{state.BytesPerRecord:N0} bytes a record ({state.FileBytes / 1048576.0:F1} MiB): data pages {state.DataBytesPerRecord:N0} ({state.DataUnusedShare:P0} unused), index pages {state.IndexBytesPerRecord:N0}"),
                Invariant($"<= {BytesPerRecord:0} bytes a record"),
                state.BytesPerRecord <= BytesPerRecord,
                null));
        }

        if (report.Core is { } core)
        {
            var scaled = core.Companies == 1_000_000 ? "" : " (aim set for 1,000,000)";
            rows.Add(new AimRow(
                Invariant($"core time, {core.Companies:N0} companies, {core.Activities:N0} activities"),
                Invariant($"{core.TotalSeconds:F1} s (cpu {core.TotalCpuSeconds:F1} s)"),
                Invariant($"< {CoreMeasurement.AimSeconds:0} s{scaled}"),
                core.TotalSeconds < CoreMeasurement.AimSeconds,
                core.LoadAverage));
            rows.Add(new AimRow(
                Invariant($"core peak memory, {core.Companies:N0} companies"),
                Invariant($"{core.PeakWorkingSetBytes / 1073741824.0:F2} GiB working set (model {core.ModelHeapBytes / 1073741824.0:F2} GiB heap)"),
                Invariant($"< {CoreMeasurement.AimBytes / 1073741824.0:0} GiB{scaled}"),
                core.PeakWorkingSetBytes < CoreMeasurement.AimBytes,
                core.LoadAverage));
        }

        return rows;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
