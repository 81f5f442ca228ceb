using System.Text.Json;
using CrmBridge.Sandbox.Bench;

namespace CrmBridge.Tests.Bench;

/// <summary>
/// The bench's report format on a tiny portal with the limits off: the real connectors, sandbox and core run, and the
/// table and JSON carry their figures. No timing is asserted (the bench measures; tests do not).
/// </summary>
public sealed class BenchReportTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "crmbridge-bench-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_tiny_run_reports_both_full_loads_the_tick_and_the_core_in_the_table_and_the_json()
    {
        var settings = new BenchSettings
        {
            Companies = 400,
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
        Assert.True(bitrix.Requests >= bitrix.MinimumRequests, $"{bitrix.Requests} requests, minimum {bitrix.MinimumRequests}");
        Assert.Equal(0, bitrix.RejectedByLimit);
        Assert.Equal(5000, bitrix.SteadyCeilingRowsPerSecond);
        Assert.Equal(1750, amo.SteadyCeilingRowsPerSecond);
        Assert.Contains(report.Incremental, i => i.Crm == "bitrix24" && i.ChangedCompanies > 0 && i.Rows >= i.ChangedCompanies);
        var core = Assert.IsType<CoreMeasurement>(report.Core);
        Assert.Equal(300, core.Companies);
        Assert.True(core.Activities >= 3 * 300, $"{core.Activities} activities");
        Assert.Equal(
            ["dedupe", "rules: index", "rules: cooldown", "rules: conflict", "rules: ownership", "rules: postponed", "rules: quarantine", "rules: sleeping", "kpi"],
            core.Steps.Select(s => s.Name));
        Assert.Contains(core.Steps, s => s.Name == "dedupe" && s.Results > 0);
        Assert.Contains("Full load bitrix24", progress.ToString(), StringComparison.Ordinal);

        var table = BenchTable.Render(report);
        Assert.Contains("test machine", table, StringComparison.Ordinal);
        Assert.Contains("% of ceiling", table, StringComparison.Ordinal);
        Assert.Matches(@"\nbitrix24\s+400\s+[\d,]+\s+\d+", table);
        Assert.Matches(@"\ndedupe\s+\d+\.\d\d\s+\d+", table);

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

        Assert.Equal(2, root.GetProperty("incremental").GetArrayLength());
        Assert.Equal("dedupe", root.GetProperty("core").GetProperty("steps")[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("core").GetProperty("totalSeconds").ValueKind);
    }

    [Theory]
    [InlineData("--only", "everything", "--only must be sync or core")]
    [InlineData("--companies", "0", "--companies must be a whole number from 400 to 800,000")]
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
