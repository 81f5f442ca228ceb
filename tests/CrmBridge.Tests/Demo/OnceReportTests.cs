using System.Text.Json;
using CrmBridge.Hosting.Cli;
using CrmBridge.Sandbox;
using CrmBridge.Sandbox.Demo;
using CrmBridge.Sandbox.Portal;
using CrmBridge.Tests.Support;

namespace CrmBridge.Tests.Demo;

/// <summary>`crmbridge once --dry-run --report FILE.json` against the sandbox: the documented report, and nothing executed.</summary>
public sealed class OnceReportTests : SandboxCommandTests
{

    [Fact]
    public async Task A_dry_run_reports_every_finding_and_the_action_it_would_take_without_sending_or_writing_anything()
    {
        var reportPath = Path.Combine(Folder, "report.json");
        var settings = DemoConfiguration.For(Sandbox, Path.Combine(Folder, "store.db"))
            .Select(s => $"--{s.Key}={s.Value}");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CommandLine.RunAsync(["once", "--dry-run", "--report", reportPath, .. settings], output, error, CancellationToken.None);

        Assert.True(code == 0, output.ToString() + error);
        Assert.Empty(Sandbox.TelegramRequests);
        Assert.Empty(Sandbox.CrmWrites);

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(reportPath));
        var root = report.RootElement;
        Assert.True(root.GetProperty("dryRun").GetBoolean());
        Assert.Equal(["amocrm", "bitrix24"], root.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("crm").GetString()).Order());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(Sandbox.Facts.CooldownViolations.Count, findings.Count(f => f.GetProperty("rule").GetString() == "cooldown"));
        Assert.Equal(Sandbox.Facts.InvalidInns.Count, findings.Count(f => f.GetProperty("rule").GetString() == "invalid-inn"));
        Assert.All(findings, f =>
        {
            Assert.False(string.IsNullOrEmpty(f.GetProperty("companyId").GetString()));
            Assert.Equal(JsonValueKind.Object, f.GetProperty("detail").ValueKind);
        });

        var actions = root.GetProperty("actions").EnumerateArray().ToList();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Equal("planned", a.GetProperty("state").GetString()));
        Assert.Contains(actions, a => a.GetProperty("kind").GetString() == "telegram.message");
    }
}
