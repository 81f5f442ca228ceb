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

        if (report.Incremental.Count > 0)
        {
            text.Append("\nIncremental tick after changes\n");
            var table = new TextTable("crm", "changed companies", "rows", "requests", "time s");
            foreach (var i in report.Incremental)
            {
                table.Add(i.Crm, N(i.ChangedCompanies), N(i.Rows), N(i.Requests), F(i.Seconds, 1));
            }

            text.Append(table);
        }

        if (report.State is { } state)
        {
            text.Append(Invariant($"\nState file after the full loads: {state.FileBytes:N0} bytes, {state.Records:N0} records, {state.BytesPerRecord:N0} bytes a record\n"));
        }

        if (report.Core is { } core)
        {
            text.Append(Invariant($"\nCore over {core.Companies:N0} companies, {core.Activities:N0} activities, {core.Deals:N0} deals "))
                .Append(Invariant($"(in-memory model {Mib(core.ModelHeapBytes)} MiB, built in {core.BuildSeconds:F1} s, not counted)\n"));
            var table = new TextTable("step", "time s", "results", "allocated MiB", "peak heap MiB", "peak working set MiB");
            foreach (var step in core.Steps)
            {
                if (step.Note is { } note)
                {
                    table.Add(step.Name, "-", "-", "-", "-", "-");
                    continue;
                }

                table.Add(step.Name, F(step.Seconds, 2), N(step.Results), Mib(step.AllocatedBytes), Mib(step.PeakHeapBytes), Mib(step.PeakWorkingSetBytes));
            }

            table.Add("total", F(core.TotalSeconds, 2), "", "", "", Mib(core.PeakWorkingSetBytes));
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
