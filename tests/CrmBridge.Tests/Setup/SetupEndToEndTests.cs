using System.Globalization;
using System.Text.Json;
using CrmBridge.Core.Model;
using CrmBridge.Hosting.Cli;
using CrmBridge.Sandbox;
using CrmBridge.Sandbox.Demo;
using CrmBridge.Sandbox.Portal;
using CrmBridge.Storage;
using CrmBridge.Tests.Support;

namespace CrmBridge.Tests.Setup;

/// <summary>
/// `crmbridge setup` against the sandbox configured as a new admin configures it: URLs and tokens only, no people,
/// no field ids, no stage mapping. Setup must find the pool user "Свободная база", the integration user, the
/// amoCRM "ИНН" field and the "ЛПР" contact fields; a dry run with the written file then leaves their cards alone and reads every INN.
/// </summary>
public sealed class SetupEndToEndTests : SandboxCommandTests
{

    [Fact]
    public async Task Setup_proposes_the_pool_the_integration_user_the_inn_field_and_stages_and_a_dry_run_with_that_file_leaves_their_cards_alone()
    {
        var file = Path.Combine(Folder, "appsettings.Local.json");

        var (setupCode, setupOutput) = await RunAsync(["setup", "--write", file], "setup.db");

        Assert.True(setupCode == 0, setupOutput);
        Assert.Empty(Sandbox.CrmWrites);
        using var proposed = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var root = proposed.RootElement;
        var pool = Users(PortalUserRole.Pool);
        var technical = Users(PortalUserRole.Technical);
        Assert.Equal([pool.Email], Strings(root.GetProperty("People").GetProperty("Pool")));
        Assert.Contains(technical.Email, Strings(root.GetProperty("People").GetProperty("Technical")));
        Assert.Equal(900_102, root.GetProperty("AmoCrm").GetProperty("InnFieldId").GetInt64());
        Assert.Equal(900_104, root.GetProperty("AmoCrm").GetProperty("KppFieldId").GetInt64());
        Assert.Equal("UF_CRM_POSTPONED_UNTIL", root.GetProperty("Bitrix24").GetProperty("PostponedUntilField").GetString());
        Assert.Equal("UF_CRM_DECISION_MAKER", root.GetProperty("Bitrix24").GetProperty("DecisionMakerField").GetString());
        Assert.Equal(900_202, root.GetProperty("AmoCrm").GetProperty("DecisionMakerFieldId").GetInt64());
        Assert.False(root.GetProperty("Bitrix24").TryGetProperty("InnField", out _), "Bitrix24 reads the INN from requisites; no field to set");
        var bitrixKpi = root.GetProperty("Kpi").GetProperty("Bitrix24");
        Assert.Equal(["PREPARATION"], Strings(bitrixKpi.GetProperty("NeedStageIds")));
        Assert.Equal(["PREPAYMENT_INVOICE"], Strings(bitrixKpi.GetProperty("ProposalStageIds")));
        Assert.Equal(["FINAL_INVOICE"], Strings(bitrixKpi.GetProperty("TopZoneStageIds")));
        Assert.Equal(["7001105"], Strings(root.GetProperty("Kpi").GetProperty("AmoCrm").GetProperty("TopZoneStageIds")));

        var reportPath = Path.Combine(Folder, "report.json");
        var (onceCode, onceOutput) = await RunAsync(["once", "--dry-run", "--report", reportPath, "--config", file], "once.db");

        Assert.True(onceCode == 0, onceOutput);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(reportPath));
        var findings = report.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        var nobodys = new HashSet<string>(StringComparer.Ordinal)
        {
            Key(CrmKind.Bitrix24, pool.BitrixId), Key(CrmKind.AmoCrm, pool.AmoId),
            Key(CrmKind.Bitrix24, technical.BitrixId), Key(CrmKind.AmoCrm, technical.AmoId),
        };
        var onTheirCards = findings
            .Where(f => nobodys.Contains(f.GetProperty("crm").GetString() + ":" + f.GetProperty("ownerId").GetString()))
            .Select(f => f.GetProperty("rule").GetString())
            .Where(rule => rule!.StartsWith("ownership", StringComparison.Ordinal) || rule is "cooldown" or "conflict")
            .ToList();
        Assert.Empty(onTheirCards);

        using var store = CrmStore.Open(Path.Combine(Folder, "once.db"));
        var amoCards = store.Companies.All().Where(c => c.Ref.Crm == CrmKind.AmoCrm).ToDictionary(c => c.Ref.Id);
        var textFieldOnly = 0;
        for (var local = 0; local < Sandbox.Portal.AmoCount; local++)
        {
            var company = Sandbox.Portal.Company(CrmKind.AmoCrm, local);
            if (company.Inn is null)
            {
                continue;
            }

            textFieldOnly += company.InnFieldOnly ? 1 : 0;
            Assert.Equal(company.Inn, amoCards[company.Id.ToString(CultureInfo.InvariantCulture)].Inn);
        }

        Assert.True(textFieldOnly > 0, "the sandbox serves cards whose INN is only in the 'ИНН' field");
    }

    [Fact]
    public async Task Without_the_proposed_file_the_pool_users_cards_get_ownership_findings_as_if_it_were_a_manager()
    {
        var reportPath = Path.Combine(Folder, "report.json");

        var (code, output) = await RunAsync(["once", "--dry-run", "--report", reportPath], "plain.db");

        Assert.True(code == 0, output);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(reportPath));
        var pool = Users(PortalUserRole.Pool);
        Assert.Contains(
            report.RootElement.GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("ownerId").GetString() == pool.BitrixId.ToString(CultureInfo.InvariantCulture)
                && f.GetProperty("rule").GetString()!.StartsWith("ownership", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Setup_runs_for_an_admin_who_chose_release_mode_before_naming_the_pool_and_proposes_the_pool()
    {
        // The start-up check that stops `once` and `run` ("Release needs the pool user ... (setup proposes it)") must not
        // stop the verb that proposes it.
        var file = Path.Combine(Folder, "release.json");

        var (code, output) = await RunAsync(["setup", "--write", file, "--Rules:OwnershipMode=Release"], "release.db");

        Assert.True(code == 0, output);
        using var proposed = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        Assert.Equal([Users(PortalUserRole.Pool).Email], Strings(proposed.RootElement.GetProperty("People").GetProperty("Pool")));
    }

    private static PortalUser Users(PortalUserRole role) => PortalUsers.All.Single(u => u.Role == role);

    private static string Key(CrmKind crm, long id) => $"{CrmRef.CrmName(crm)}:{id.ToString(CultureInfo.InvariantCulture)}";

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())];

    /// <summary>What a new admin has configured: the URLs and tokens of the demo, none of its people, fields or stages.</summary>
    private async Task<(int Code, string Output)> RunAsync(string[] verb, string store)
    {
        var settings = DemoConfiguration.For(Sandbox, Path.Combine(Folder, store))
            .Where(s => !s.Key.StartsWith("People:", StringComparison.Ordinal)
                && !s.Key.EndsWith("FieldId", StringComparison.Ordinal)
                && !s.Key.EndsWith("Field", StringComparison.Ordinal)
                && !s.Key.Contains("StageIds", StringComparison.Ordinal))
            .Select(s => $"--{s.Key}={s.Value}");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync([.. verb, .. settings], output, error, CancellationToken.None);
        return (code, output.ToString() + error);
    }
}
