using System.Text.Json;
using CrmBridge.Sandbox.Bench;

namespace CrmBridge.Tests.Bench;

/// <summary>
/// The bench's report format on tiny bases with the limits off: the worker's connectors and ticks, the sandbox and the
/// core run, and the summary, the tables and the JSON carry their figures. No timing is asserted (the bench measures;
/// tests do not).
/// </summary>
public sealed class BenchReportTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "crmbridge-bench-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_tiny_run_reports_the_full_loads_the_ticks_at_two_sizes_the_state_and_the_core_against_their_aims()
    {
        var settings = new BenchSettings
        {
            Companies = 500,
            SmallCompanies = 400,
            CoreCompanies = 300,
            RateLimits = false,
            ProgressEvery = TimeSpan.FromHours(1),
            Now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(3)),
            MachineNote = "test machine",
        };
        using var progress = new StringWriter();

        var report = await BenchRunner.RunAsync(settings, progress, CancellationToken.None);

        var bitrix = Assert.Single(report.Sync, s => s.Crm == "bitrix24");
        var amo = Assert.Single(report.Sync, s => s.Crm == "amocrm");
        Assert.Equal(400, bitrix.Companies);
        Assert.Equal(400, bitrix.RowsByList["company"]);
        Assert.Equal(100, amo.Companies);
        Assert.True(bitrix.CpuSeconds > 0, $"{bitrix.CpuSeconds} s of CPU");
        Assert.True(bitrix.Requests >= bitrix.MinimumRequests, $"{bitrix.Requests} requests, minimum {bitrix.MinimumRequests}");
        Assert.Equal(0, bitrix.RejectedByLimit);
        Assert.Equal(5000, bitrix.SteadyCeilingRowsPerSecond);
        Assert.Equal(1750, amo.SteadyCeilingRowsPerSecond);
        // After the first run a quiet tick evaluates nobody; a tick after 1 % changed evaluates at least those companies.
        Assert.Equal([400, 400, 500, 500], report.Ticks.Select(t => t.BaseCompanies));
        Assert.All(report.Ticks, t => Assert.False(t.Full, $"{t.Kind} at {t.BaseCompanies} was a full tick"));
        Assert.All(report.Ticks.Where(t => t.Kind == "nothing changed"), t => Assert.Equal(0, t.Evaluated));
        Assert.All(report.Ticks.Where(t => t.Kind == "1 % changed"), t => Assert.InRange(t.Evaluated, t.ChangedCompanies, t.BaseCompanies / 2));
        Assert.Equal([4, 5], report.Ticks.Where(t => t.Kind == "1 % changed").Select(t => t.ChangedCompanies));
        Assert.All(report.Ticks, t => Assert.True(t.BitrixRequests > 0 && t.AmoRequests > 0, $"{t.BitrixRequests} and {t.AmoRequests} requests"));
        var state = Assert.IsType<StateMeasurement>(report.State);
        Assert.InRange(state.BytesPerRecord, 50, 5000);
        Assert.Contains(state.Pages, p => p.Collection == "companies" && p.PageType == "Data" && p.Pages > 0);
        Assert.Contains(state.Pages, p => p.Collection == "activities" && p.PageType == "Index" && p.Pages > 0);
        Assert.InRange(state.DataBytesPerRecord + state.IndexBytesPerRecord, 1, state.BytesPerRecord);
        var core = Assert.IsType<CoreMeasurement>(report.Core);
        Assert.Equal(300, core.Companies);
        Assert.True(core.Activities >= 3 * 300, $"{core.Activities} activities");
        Assert.Equal(
            ["dedupe", "rules: index", "rules: cooldown", "rules: conflict", "rules: ownership", "rules: postponed", "rules: quarantine", "rules: sleeping", "kpi"],
            core.Steps.Select(s => s.Name));
        Assert.Contains(core.Steps, s => s.Name == "dedupe" && s.Results > 0);
        Assert.Contains("full load bitrix24", progress.ToString(), StringComparison.Ordinal);

        string[] rows =
        [
            "bitrix24 full load, 400 companies", "amocrm full load, 100 companies",
            "tick, nothing changed, 400 companies", "tick, nothing changed, 500 companies", "tick, nothing changed: 500 against 400 companies",
            "tick, 1 % changed, 400 companies", "tick, 1 % changed, 500 companies", "tick, 1 % changed: 500 against 400 companies",
            "state file, ", "core time, 300 companies", "core peak memory, 300 companies",
        ];
        Assert.Equal(rows.Length, report.Aims.Count);
        Assert.All(rows.Zip(report.Aims), row => Assert.StartsWith(row.First, row.Second.What, StringComparison.Ordinal));
        Assert.Contains(report.Aims, a => a.What.StartsWith("state file", StringComparison.Ordinal) && a.Met == state.BytesPerRecord <= 300);

        var table = BenchTable.Render(report);
        Assert.Contains("test machine", table, StringComparison.Ordinal);
        Assert.Matches(@"
state file, [\d,]+ records\s+\d+ bytes a record.*<= 300 bytes a record\s+(yes|NO)", table);
        Assert.Matches(@"
tick, nothing changed, 500 companies\s+\d+\.\d\d s \(cpu \d+\.\d\d s\)", table);
        Assert.Contains("% of ceiling", table, StringComparison.Ordinal);
        Assert.Matches(@"\nbitrix24\s+400\s+[\d,]+\s+\d+", table);
        Assert.Matches(@"\ndedupe\s+\d+\.\d\d\s+\d+\.\d\d\s+\d+\s+\d+", table);

        var path = Path.Combine(_directory, "out", "bench.json");
        await BenchRunner.WriteJsonAsync(report, path, CancellationToken.None);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var root = json.RootElement;
        var sync = root.GetProperty("sync")[0];
        Assert.Equal("bitrix24", sync.GetProperty("crm").GetString());
        Assert.Equal(bitrix.Rows, sync.GetProperty("rows").GetInt64());
        Assert.Equal(2500, sync.GetProperty("limit").GetProperty("rowsPerRequest").GetInt32());
        foreach (var field in new[] { "rowsPerSecond", "ceilingSeconds", "percentOfCeiling", "minimumRequests", "cpuPercent" })
        {
            Assert.Equal(JsonValueKind.Number, sync.GetProperty(field).ValueKind);
        }

        Assert.Equal(4, root.GetProperty("ticks").GetArrayLength());
        Assert.Equal(report.Aims.Count, root.GetProperty("aims").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("ticks")[0].GetProperty("cpuSeconds").ValueKind);
        Assert.Equal("dedupe", root.GetProperty("core").GetProperty("steps")[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("core").GetProperty("totalSeconds").ValueKind);
    }

    [Theory]
    [InlineData(50, 0)] // Bitrix24's bucket takes 50 at once
    [InlineData(66, 8)] // then 2 a second
    public void Bitrix24s_limit_bound_minimum_lets_the_burst_go_at_once_then_two_a_second(long requests, double seconds) =>
        Assert.Equal(seconds, RateLimit.Bitrix24.CeilingSeconds(requests));

    [Theory]
    [InlineData(7, 0)]
    [InlineData(9, 1)] // amoCRM allows 7 in any second: the 8th and 9th wait for the next one
    [InlineData(170, 24)]
    public void AmoCrms_limit_bound_minimum_counts_whole_seconds_of_seven(long requests, double seconds) =>
        Assert.Equal(seconds, RateLimit.AmoCrm.CeilingSeconds(requests), precision: 9);

    [Theory]
    [InlineData("--only", "everything", "--only must be sync or core")]
    [InlineData("--companies", "0", "--companies must be a whole number from 400 to 1,000,000")]
    [InlineData("--small-companies", "30000", "--small-companies (30,000) must be fewer than --companies (20,000)")]
    [InlineData("--core-companies", "lots", "--core-companies must be a whole number from 200 to 1,000,000")]
    public async Task A_bad_switch_is_refused_with_usage_before_anything_runs(string name, string value, string expected)
    {
        using var output = new StringWriter();
        using var progress = new StringWriter();

        var code = await BenchVerb.RunAsync(option => option == name ? value : null, output, progress, CancellationToken.None);

        Assert.Equal(64, code);
        Assert.Contains(expected, output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage: crmbridge bench", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("", progress.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
