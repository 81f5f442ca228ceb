using System.Text.Json;
using CrmBridge.Hosting.Cli;
using CrmBridge.Sandbox;
using CrmBridge.Sandbox.Demo;
using CrmBridge.Sandbox.Portal;
using CrmBridge.Tests.Support;

namespace CrmBridge.Tests.Demo;

/// <summary>`crmbridge kpi --report` against the sandbox: the same numbers the printed digest shows.</summary>
public sealed class KpiReportTests : SandboxCommandTests
{

    [Fact]
    public async Task The_json_report_and_the_printed_digest_show_the_same_numbers()
    {
        var settings = DemoConfiguration.For(Sandbox, Path.Combine(Folder, "store.db")).Select(s => $"--{s.Key}={s.Value}").ToArray();
        Assert.Equal(0, (await RunAsync(["once", .. settings])).Code);
        var reportPath = Path.Combine(Folder, "k.json");

        var kpi = await RunAsync(["kpi", "--report", reportPath, .. settings]);
        var digest = await RunAsync(["digest", "--print", .. settings]);

        Assert.True(kpi.Code == 0 && digest.Code == 0, kpi.Output + digest.Output);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(reportPath));
        var root = json.RootElement;
        Assert.Equal("RUB", root.GetProperty("currency").GetString());
        Assert.EndsWith("+03:00", root.GetProperty("generatedAt").GetString(), StringComparison.Ordinal);
        var text = digest.Output;
        var managers = root.GetProperty("managers").EnumerateArray().ToList();
        Assert.NotEmpty(managers);
        foreach (var manager in managers)
        {
            // "Имя: 📞 calls/plan · 🤝 meetings/plan · 🆕 created/plan · 🏆 won/plan".
            var yesterday = manager.GetProperty("yesterday");
            var line = $"{manager.GetProperty("name").GetString()}: 📞 {yesterday.GetProperty("calls").GetInt32()}/";
            Assert.Contains(line, text, StringComparison.Ordinal);
            Assert.Contains($"🤝 {yesterday.GetProperty("meetings").GetInt32()}/", text, StringComparison.Ordinal);
            Assert.All(manager.GetProperty("ids").EnumerateArray(), id => Assert.Matches("^(bitrix24|amocrm):", id.GetString()));
        }

        var funnel = root.GetProperty("funnel");
        Assert.Contains($"В воронке сделок: {funnel.GetProperty("openCount").GetInt32()} на", text, StringComparison.Ordinal);
        Assert.Contains($"Выиграно в месяце сделок: {funnel.GetProperty("wonThisMonth").GetProperty("count").GetInt32()} на", text, StringComparison.Ordinal);
        var stages = funnel.GetProperty("openByStage").EnumerateArray().ToList();
        Assert.Equal(funnel.GetProperty("openCount").GetInt32(), stages.Sum(s => s.GetProperty("count").GetInt32()));
        Assert.All(stages, s => Assert.Matches("^(bitrix24|amocrm)$", s.GetProperty("crm").GetString()));
        var statuses = root.GetProperty("base").GetProperty("statuses");
        Assert.Contains($"новый {statuses.GetProperty("new").GetInt32()}", text, StringComparison.Ordinal);

        // The demo sets category criteria and the decision-maker and margin fields, as an admin would: the digest shows
        // their figures, the same as the report's, and nowhere what to set.
        foreach (var manager in managers)
        {
            var week = manager.GetProperty("week").GetProperty("kpi");
            Assert.Contains($"компании A {week.GetProperty("newCategoryA").GetInt32()}/", text, StringComparison.Ordinal);
            Assert.Contains($"ЛПР {week.GetProperty("decisionMakers").GetInt32()}/", text, StringComparison.Ordinal);
            Assert.Contains($"КП {week.GetProperty("proposals").GetInt32()}/", text, StringComparison.Ordinal);
        }

        var categories = root.GetProperty("base").GetProperty("categories");
        Assert.True(categories.GetProperty("A").GetInt32() > 0, "the demo's criteria make some companies category A");
        Assert.Contains(
            $"Категории: A {categories.GetProperty("A").GetInt32()} · B {categories.GetProperty("B").GetInt32()} · не определена {categories.GetProperty("unknown").GetInt32()}",
            text,
            StringComparison.Ordinal);
        Assert.Equal(0, root.GetProperty("base").GetProperty("abcde").GetProperty("noMarginData").GetInt32());
        Assert.DoesNotContain("не задано", text, StringComparison.Ordinal);
        Assert.DoesNotContain("нет данных о марже", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_category_criteria_and_the_decision_maker_and_margin_fields_the_digest_says_what_to_set_never_a_zero()
    {
        var settings = DemoConfiguration.For(Sandbox, Path.Combine(Folder, "store.db"))
            .Where(s => !s.Key.StartsWith("Enrichment:CategoryCriteria:", StringComparison.Ordinal)
                && !s.Key.Contains("DecisionMakerField", StringComparison.Ordinal)
                && !s.Key.Contains("MarginField", StringComparison.Ordinal))
            .Select(s => $"--{s.Key}={s.Value}")
            .ToArray();
        Assert.Equal(0, (await RunAsync(["once", .. settings])).Code);

        var digest = await RunAsync(["digest", "--print", .. settings]);

        Assert.True(digest.Code == 0, digest.Output + digest.Error);
        var text = digest.Output;
        Assert.Contains("компании A не задано — Enrichment:CategoryCriteria", text, StringComparison.Ordinal);
        Assert.DoesNotContain("компании A 0/", text, StringComparison.Ordinal);
        Assert.Contains("A/B: не задано — Enrichment:CategoryCriteria", text, StringComparison.Ordinal);
        Assert.Contains("нет данных о марже — Bitrix24:MarginField, AmoCrm:MarginFieldId", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_file_that_is_neither_json_nor_csv_is_a_usage_error()
    {
        var result = await RunAsync(["kpi", "--report", Path.Combine(Folder, "k.txt")]);

        Assert.Equal(64, result.Code);
        Assert.Contains(".json or .csv", result.Error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
