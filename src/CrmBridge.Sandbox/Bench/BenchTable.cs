using System.Globalization;
using System.Text;

namespace CrmBridge.Sandbox.Bench;

/// <summary>The report as a person reads it.</summary>
internal static class BenchTable
{
    public static string Render(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var machine = report.Machine;
        text.Append(Invariant($"CrmBridge bench, {report.StartedAt:yyyy-MM-dd HH:mm} UTC{report.StartedAt:zzz}; {machine.Processors} cores, {machine.Os}, {machine.Runtime}\n"));
        if (machine.Note.Length > 0)
        {
            text.Append(machine.Note).Append('\n');
        }

        if (report.Aims.Count > 0)
        {
            text.Append("\nSummary: each figure against its aim (cpu = this process's CPU time, the in-process sandbox included; load = 1-minute load average)\n");
            var summary = new TextTable("what", "measured", "aim", "met?", "load");
            foreach (var row in report.Aims)
            {
                summary.Add(row.What, row.Value, row.Aim, row.Met switch { true => "yes", false => "NO", null => "-" }, F(row.LoadAverage ?? double.NaN, 1));
            }

            text.Append(summary);
        }

        if (report.Sync.Count > 0)
        {
            text.Append("\nFull load through the connectors, sandbox at the vendors' limits\n");
            var table = new TextTable("crm", "companies", "rows", "requests", "min req", "rejected", "time s", "rows/s", "steady ceiling", "ceiling s", "% of ceiling", "cpu %", "load");
            foreach (var s in report.Sync)
            {
                table.Add(s.Crm, N(s.Companies), N(s.Rows), N(s.Requests), N(s.MinimumRequests), N(s.RejectedByLimit), F(s.Seconds, 1), N(s.RowsPerSecond),
                    N(s.SteadyCeilingRowsPerSecond), F(s.CeilingSeconds, 1), F(s.PercentOfCeiling, 0), F(s.CpuPercent, 0), F(s.LoadAverage ?? double.NaN, 1));
            }

            text.Append(table);
            foreach (var s in report.Sync)
            {
                text.Append(Invariant($"  {s.Crm}: limit {s.Limit.RequestsPerSecond:0.#} req/s, burst {s.Limit.Burst}, {s.Limit.RowsPerRequest:N0} rows a request -> steady {s.SteadyCeilingRowsPerSecond:N0} rows/s; "))
                    .Append(Invariant($"the burst lets these {s.MinimumRequests:N0} requests finish in {s.CeilingSeconds:F1} s ({N(s.CeilingRowsPerSecond ?? double.NaN)} rows/s)\n"));
                text.Append("    rows: ").AppendJoin(", ", s.RowsByList.Select(p => Invariant($"{p.Key} {p.Value:N0}"))).Append('\n');
                if (s.Bound is { } bound)
                {
                    text.Append("    below 90 %: ").Append(bound).Append('\n');
                }
            }
        }

        if (report.Ticks.Count > 0)
        {
            text.Append("\nWorker ticks (read both CRMs, dedupe, rules; dry run) after the first run\n");
            var table = new TextTable("base companies", "tick", "changed", "requests", "limits allow s", "evaluated", "time s", "cpu s", "load");
            foreach (var t in report.Ticks)
            {
                table.Add(N(t.BaseCompanies), t.Kind + (t.Full ? " (full)" : ""), N(t.ChangedCompanies), N(t.Requests), F(t.LimitSeconds, 2), N(t.Evaluated), F(t.Seconds, 2), F(t.CpuSeconds, 2), F(t.LoadAverage ?? double.NaN, 1));
            }

            text.Append(table);
        }

        if (report.State is { } state)
        {
            text.Append(Invariant($"\nState file after the full loads: {state.FileBytes:N0} bytes, {state.Records:N0} records, {state.BytesPerRecord:N0} bytes a record\n"));
            var table = new TextTable("collection", "pages", "kind", "bytes a record", "unused %");
            foreach (var pages in state.Pages.Where(p => p.Pages * StateMeasurement.PageSize * 100L >= state.FileBytes))
            {
                table.Add(pages.Collection, N(pages.Pages), pages.PageType, F((double)pages.Pages * StateMeasurement.PageSize / Math.Max(1, state.Records), 0), F(pages.FreeBytes * 100.0 / (pages.Pages * (double)StateMeasurement.PageSize), 0));
            }

            text.Append(table);
            text.Append("  (pages of 1 % of the file or more; LiteDB puts a small document only on a data page at least 30 % free)\n");
        }

        if (report.Core is { } core)
        {
            text.Append(Invariant($"\nCore over {core.Companies:N0} companies, {core.Activities:N0} activities, {core.Deals:N0} deals "))
                .Append(Invariant($"(in-memory model {Mib(core.ModelHeapBytes)} MiB, built in {core.BuildSeconds:F1} s, not counted)\n"));
            var table = new TextTable("step", "time s", "cpu s", "full GCs", "results", "allocated MiB", "peak heap MiB", "peak working set MiB");
            foreach (var step in core.Steps)
            {
                if (step.Note is { } note)
                {
                    table.Add(step.Name, "-", "-", "-", "-", "-", "-", "-");
                    continue;
                }

                table.Add(step.Name, F(step.Seconds, 2), F(step.CpuSeconds, 2), N(step.FullCollections), N(step.Results), Mib(step.AllocatedBytes), Mib(step.PeakHeapBytes), Mib(step.PeakWorkingSetBytes));
            }

            table.Add("total", F(core.TotalSeconds, 2), F(core.TotalCpuSeconds, 2), N(core.Steps.Sum(s => s.FullCollections)), "", "", "", Mib(core.PeakWorkingSetBytes));
            text.Append(table);
            foreach (var step in core.Steps.Where(s => s.Note is not null))
            {
                text.Append(Invariant($"  {step.Name}: {step.Note}\n"));
            }

            var peakHeap = core.Steps.Count == 0 ? 0 : core.Steps.Max(s => s.PeakHeapBytes);
            text.Append(Invariant($"  the model alone holds {Mib(core.ModelHeapBytes)} MiB; the steps add at most {Mib(Math.Max(0, peakHeap - core.ModelHeapBytes))} MiB of heap over it\n"));
            text.Append(Invariant($"  aim {CoreMeasurement.AimSeconds:0} s and {CoreMeasurement.AimBytes / 1073741824.0:0} GiB: {(core.WithinAim ? "met" : "NOT met")}\n"));
        }

        return text.ToString();
    }

    private static string N(double value) => double.IsFinite(value) ? value.ToString("N0", CultureInfo.InvariantCulture) : "-";

    private static string F(double value, int digits) => double.IsFinite(value) ? value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "-";

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
